package monosearch.monograph;

import java.util.List;

/** A monograph and what was wrong with its file but did not stop it being read. */
public record ParsedMonograph(Monograph monograph, List<String> warnings) {
    public ParsedMonograph {
        warnings = List.copyOf(warnings);
    }
}
