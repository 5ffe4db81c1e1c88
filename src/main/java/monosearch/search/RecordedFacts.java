package monosearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts asked once and written down, or read back from what was written. Planning is deterministic: given the
 * same answers it asks the same questions, so a shard replaying a collection's answers builds the very query
 * the collection-wide planning built, without any data of its own.
 *
 * <p>The written form is a list of length-prefixed strings ({@code 5:hello}), question then answer: no
 * character of a drug name or a typed word needs escaping.
 */
final class RecordedFacts implements IndexFacts {
    private final IndexFacts source;
    private final Map<String, String> answers;

    private RecordedFacts(IndexFacts source, Map<String, String> answers) {
        this.source = source;
        this.answers = answers;
    }

    static RecordedFacts recording(IndexFacts source) {
        return new RecordedFacts(source, new LinkedHashMap<>());
    }

    /** The facts written by {@link #written()}; a question they do not answer is an IllegalArgumentException. */
    static RecordedFacts replaying(String written) {
        Map<String, String> answers = new LinkedHashMap<>();
        Reader in = new Reader(written);
        while (in.more()) {
            answers.put(in.string(), in.string());
        }
        return new RecordedFacts(null, answers);
    }

    String written() {
        StringBuilder out = new StringBuilder();
        answers.forEach((q, a) -> {
            put(out, q);
            put(out, a);
        });
        return out.toString();
    }

    private interface Ask<T> {
        T ask() throws IOException;
    }

    private interface Write<T> {
        void write(StringBuilder out, T value);
    }

    private interface Read<T> {
        T read(Reader in);
    }

    private <T> T answer(String question, Ask<T> ask, Write<T> write, Read<T> read) throws IOException {
        if (source != null) {
            T value = ask.ask();
            StringBuilder out = new StringBuilder();
            write.write(out, value);
            answers.put(question, out.toString());
            return value;
        }
        String written = answers.get(question);
        if (written == null) {
            throw new IllegalArgumentException("the query's decisions do not answer " + question.charAt(0)
                    + " for '" + question.substring(1) + "': they were made for another query");
        }
        return read.read(new Reader(written));
    }

    private <T> T answerUnchecked(String question, Ask<T> ask, Write<T> write, Read<T> read) {
        try {
            return answer(question, ask, write, read);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int docFreq(String term) throws IOException {
        return answer("d" + term, () -> source.docFreq(term), RecordedFacts::putInt, Reader::integer);
    }

    @Override
    public List<String> completions(String prefix, int max) throws IOException {
        return answer("c" + max + ":" + prefix, () -> source.completions(prefix, max), RecordedFacts::putStrings,
                Reader::strings);
    }

    @Override
    public List<String> typos(String term) throws IOException {
        return answer("t" + term, () -> source.typos(term), RecordedFacts::putStrings, Reader::strings);
    }

    @Override
    public int sectionsElsewhere(String phrase, List<String> slugs) throws IOException {
        StringBuilder q = new StringBuilder("e");
        putStrings(q, slugs);
        q.append(phrase);
        return answer(q.toString(), () -> source.sectionsElsewhere(phrase, slugs), RecordedFacts::putInt, Reader::integer);
    }

    @Override
    public List<DrugNames.Mention> mentionsIn(List<String> words) {
        StringBuilder q = new StringBuilder("m");
        putStrings(q, words);
        return answerUnchecked(q.toString(), () -> source.mentionsIn(words), (out, ms) -> {
            putInt(out, ms.size());
            ms.forEach(m -> putMention(out, m));
        }, in -> {
            int n = in.integer();
            List<DrugNames.Mention> ms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ms.add(in.mention());
            }
            return ms;
        });
    }

    @Override
    public DrugNames.Mention named(List<String> words) {
        StringBuilder q = new StringBuilder("n");
        putStrings(q, words);
        return answerUnchecked(q.toString(), () -> source.named(words), (out, m) -> {
            putInt(out, m == null ? 0 : 1);
            if (m != null) {
                putMention(out, m);
            }
        }, in -> in.integer() == 0 ? null : in.mention());
    }

    @Override
    public boolean anyWordStartsWith(String word) {
        return answerUnchecked("w" + word, () -> source.anyWordStartsWith(word),
                (out, b) -> putInt(out, b ? 1 : 0), in -> in.integer() == 1);
    }

    private static void put(StringBuilder out, String s) {
        out.append(s.length()).append(':').append(s);
    }

    private static void putInt(StringBuilder out, int n) {
        put(out, Integer.toString(n));
    }

    private static void putStrings(StringBuilder out, List<String> strings) {
        putInt(out, strings.size());
        strings.forEach(s -> put(out, s));
    }

    private static void putMention(StringBuilder out, DrugNames.Mention m) {
        putInt(out, m.own().size());
        m.own().forEach(d -> {
            put(out, d.drug());
            put(out, d.slug());
        });
        putStrings(out, m.words());
        putInt(out, m.start());
        putInt(out, m.end());
        putInt(out, m.exact() ? 1 : 0);
    }

    /** Reads what the put methods wrote, in the same order. */
    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text) {
            this.text = text;
        }

        boolean more() {
            return at < text.length();
        }

        String string() {
            int colon = text.indexOf(':', at);
            if (colon < 0) {
                throw new IllegalArgumentException("the query's decisions are cut short at character " + at);
            }
            int length;
            try {
                length = Integer.parseInt(text, at, colon, 10);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the query's decisions are not readable at character " + at);
            }
            if (length < 0 || colon + 1 + length > text.length()) {
                throw new IllegalArgumentException("the query's decisions are cut short at character " + at);
            }
            at = colon + 1 + length;
            return text.substring(colon + 1, at);
        }

        int integer() {
            String s = string();
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the query's decisions hold '" + s + "' where a number belongs");
            }
        }

        List<String> strings() {
            int n = integer();
            List<String> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(string());
            }
            return out;
        }

        DrugNames.Mention mention() {
            int n = integer();
            List<DrugNames.Drug> own = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                own.add(new DrugNames.Drug(string(), string()));
            }
            return new DrugNames.Mention(own, strings(), integer(), integer(), integer() == 1);
        }
    }
}
