package monosearch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A result-cache option of {@code serve}, when its help lists one: how to start the server with the cache off and
 * with it on, so that the replay can be measured both ways. Expected as {@code --cache-mb=MB} (0 = off), but any
 * option whose name holds "cache" is recognised: a negatable {@code --[no-]cache} is switched, one with a value is
 * given 0 and the default its help names (else {@value #ON_MB}), a plain flag is given or left out.
 *
 * @param option the option as the help names it
 * @param off    serve arguments with the cache off
 * @param on     serve arguments with the cache on
 */
record CacheSwitch(String option, List<String> off, List<String> on) {
    static final int ON_MB = 64;
    private static final Pattern DEFAULT = Pattern.compile("default:\\s*(\\d+)");
    private static final Pattern OPTION = Pattern.compile("(?m)^\\s+(?:-\\w, )?--(\\[no-])?([a-z-]*cache[a-z-]*)(=\\S+)?");

    CacheSwitch {
        off = List.copyOf(off);
        on = List.copyOf(on);
    }

    /** The switch in {@code serve --help}'s text, or null when there is none. */
    static CacheSwitch in(String help) {
        Matcher m = OPTION.matcher(help);
        if (!m.find()) {
            return null;
        }
        String name = "--" + m.group(2);
        if (m.group(1) != null) {
            return new CacheSwitch(m.group(0).strip(), List.of("--no-" + m.group(2)), List.of(name));
        }
        if (m.group(3) != null) {
            // Its description runs until the next option; a default named there is the size the service ships with.
            int next = help.indexOf("\n      -", m.end());
            Matcher d = DEFAULT.matcher(help.substring(m.end(), next < 0 ? help.length() : next));
            String size = d.find() && !d.group(1).equals("0") ? d.group(1) : Integer.toString(ON_MB);
            return new CacheSwitch(m.group(0).strip(), List.of(name + "=0"), List.of(name + "=" + size));
        }
        return new CacheSwitch(m.group(0).strip(), List.of(), List.of(name));
    }

    /** Asks the service's jar: {@code java <launch> serve --help}. */
    static CacheSwitch of(List<String> launch) throws IOException {
        List<String> command = new ArrayList<>(List.of(ServerProcess.javaBinary().toString()));
        command.addAll(launch);
        command.addAll(List.of("serve", "--help"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String help = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(60, TimeUnit.SECONDS);
            return in(help);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
