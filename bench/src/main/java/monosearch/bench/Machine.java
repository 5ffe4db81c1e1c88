package monosearch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Where the figures were measured: they mean little without the core count, the memory and the JVM.
 *
 * @param cores    processors available to the JVM
 * @param memoryGb physical memory
 * @param cpu      the processor model, where the OS tells
 * @param jvm      JVM name and version
 * @param os       operating system
 * @param date     when the run started, UTC
 */
public record Machine(int cores, double memoryGb, String cpu, String jvm, String os, String date) {
    static Machine current() {
        double memory = Double.NaN;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize() / (1024.0 * 1024 * 1024);
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, cpuModel(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    }

    /** The 1, 5 and 15-minute load averages, where the OS tells: above ~0.3 before a run, other work shares the cores. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return one < 0 ? "unknown" : String.format(java.util.Locale.ROOT, "%.2f", one);
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the core count and the JVM still say most
        }
        return "unknown";
    }
}
