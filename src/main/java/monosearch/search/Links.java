package monosearch.search;

/**
 * Where a hit links to. The default is monosearch's own monograph page; a template such as
 * {@code https://intranet.example/composition/{path}/#{anchor}} links to the published site instead.
 * Placeholders: {@code {slug}}, {@code {path}} (source path without extension), {@code {anchor}}.
 */
public final class Links {
    public static final String DEFAULT_TEMPLATE = "/monographs/{slug}#{anchor}";
    private final String template;

    public Links(String template) {
        this.template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
    }

    public String of(String slug, String source, String anchor) {
        int dot = source.lastIndexOf('.');
        String path = dot > 0 ? source.substring(0, dot) : source;
        String url = template.replace("{slug}", slug).replace("{path}", path).replace("{anchor}", anchor);
        if (anchor.isEmpty() && url.endsWith("#")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }
}
