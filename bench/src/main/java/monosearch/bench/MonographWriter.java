package monosearch.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes one synthetic monograph in the seed's format (front matter, {@code # Drug}, {@code ### Section}s,
 * bullet lists, bold labels, a bold-label disclaimer), filled with vocabulary drawn Zipf-like until the file
 * reaches its target size. Everything comes from the random generator it is handed, so a seed fixes the text.
 */
final class MonographWriter {
    /** Share of the target size each section of a standard page gets, roughly as in the seed. */
    private static final double USAGE = 0.15;
    private static final double DOSAGE = 0.15;
    private static final double SIDE_EFFECTS = 0.20;
    private static final double HOW_IT_WORKS = 0.10;
    private static final double PRECAUTIONS = 0.20;
    private static final double FAQS = 0.14;

    private static final int[] AMOUNTS = {1, 2, 5, 10, 20, 25, 40, 50, 75, 100, 150, 200, 250, 300, 400, 500, 600, 750, 1000};
    private static final String[] FREQUENCIES = {"once daily", "twice daily", "three times daily", "every 4 to 6 hours",
            "every 8 hours", "every 12 hours", "once weekly", "at bedtime", "every 3 weeks", "as needed"};
    private static final String[] ROUTES = {"by mouth", "with food", "on an empty stomach", "intravenously (IV)",
            "as a subcutaneous injection", "by mouth with a full glass of water", "as an intramuscular injection"};

    private final Zipf<String> drugs;
    private final Zipf<String> sideEffects;
    private final Zipf<String> conditions;
    private final Zipf<String> organs;
    private final Zipf<String> classes;
    private final Zipf<String> targets;
    private final Zipf<String> populations;
    private final Zipf<String> precautions;
    private final Zipf<String> interactions;

    MonographWriter(Vocabulary vocabulary) {
        this.drugs = new Zipf<>(vocabulary.drugs(), 1.0);
        this.sideEffects = new Zipf<>(vocabulary.sideEffects(), 1.0);
        this.conditions = new Zipf<>(vocabulary.conditions(), 1.0);
        this.organs = new Zipf<>(vocabulary.group("organs"), 0.8);
        this.classes = new Zipf<>(vocabulary.group("classes"), 0.7);
        this.targets = new Zipf<>(vocabulary.group("targets"), 0.7);
        this.populations = new Zipf<>(vocabulary.group("populations"), 0.9);
        this.precautions = new Zipf<>(vocabulary.group("precautions"), 0.6);
        this.interactions = new Zipf<>(vocabulary.group("interactions"), 0.9);
    }

    /** The file's text: LF line endings unless the variations say CRLF. */
    String write(CorpusEntry entry, FormatVariations v, int targetBytes, RandomGenerator r) {
        Page page = new Page(entry, v, r);
        switch (entry.kind()) {
            case STANDARD -> standard(page, targetBytes);
            case COMBINATION -> combination(page, targetBytes);
            case REFUSAL -> refusal(page);
        }
        return finish(page.out.toString(), v);
    }

    /** State of one page being written. */
    private static final class Page {
        final CorpusEntry entry;
        final FormatVariations v;
        final RandomGenerator r;
        final StringBuilder out = new StringBuilder(10_000);
        /** The name the text uses for the drug. */
        final String drug;

        Page(CorpusEntry entry, FormatVariations v, RandomGenerator r) {
            this.entry = entry;
            this.v = v;
            this.r = r;
            this.drug = entry.generic();
        }
    }

    private void frontMatterAndTitle(Page p) {
        if (!p.v.noFrontMatter()) {
            p.out.append("---\nlayout: minimal-medicine\ntitle: ").append(p.entry.title()).append("\n---\n\n");
        }
        if (p.entry.kind() != CorpusEntry.Kind.REFUSAL) {
            p.out.append("# ").append(p.entry.title()).append('\n');
        }
    }

    private static void heading(Page p, String canonical, String alias) {
        String text = canonical;
        if (p.v.aliasHeadings() && alias != null && p.r.nextBoolean()) {
            text = alias;
        }
        if (p.v.lowerCaseHeading() && text.indexOf(' ') > 0) {
            text = text.charAt(0) + text.substring(1).toLowerCase(Locale.ROOT);
        }
        p.out.append("### ").append(text).append(p.v.trailingColons() ? ":" : "").append('\n');
    }

    private void standard(Page p, int target) {
        frontMatterAndTitle(p);
        heading(p, "Generic Name", null);
        p.out.append(genericLine(p)).append("\n\n");
        heading(p, "Usage", "Indications");
        usage(p, (int) (target * USAGE));
        heading(p, "Dosage", "Dosage and Administration");
        dosage(p, (int) (target * DOSAGE));
        heading(p, "Side Effects", "Adverse Effects");
        sideEffects(p, (int) (target * SIDE_EFFECTS));
        heading(p, "How it Works", "Mechanism of Action");
        howItWorks(p, (int) (target * HOW_IT_WORKS));
        heading(p, "Precautions", "Warnings");
        precautions(p, (int) (target * PRECAUTIONS));
        heading(p, "FAQs", "Frequently Asked Questions");
        int rest = target - p.out.length() - 700;
        faqs(p, Math.max(rest, (int) (target * FAQS * 0.5)));
        disclaimer(p);
    }

    private String genericLine(Page p) {
        String generic = p.drug;
        if (!p.entry.title().toLowerCase(Locale.ROOT).contains(generic.toLowerCase(Locale.ROOT))) {
            return generic + " (brand " + p.entry.title() + ")";
        }
        return p.r.nextInt(4) == 0 ? generic + " (brands include " + brandList(p) + ")" : generic;
    }

    private String brandList(Page p) {
        return p.entry.title().split(" ")[0] + "-" + (1 + p.r.nextInt(9)) + "0 and " + p.drug.split(" ")[0] + " Forte";
    }

    private void usage(Page p, int budget) {
        int start = p.out.length();
        String first = conditions.next(p.r);
        String second = other(conditions, first, p.r);
        sentence(p, cap(p.drug) + " is a " + classes.next(p.r) + " primarily used to treat " + first + " and " + second + ".");
        while (p.out.length() - start < budget) {
            switch (p.r.nextInt(7)) {
                case 0 -> sentence(p, "It is also used for " + conditions.next(p.r) + " in " + populations.next(p.r) + ".");
                case 1 -> sentence(p, "It's often part of a combination therapy regimen, meaning it's used alongside other medications such as "
                        + drugs.next(p.r).toLowerCase(Locale.ROOT) + ".");
                case 2 -> sentence(p, "Off-label uses include " + conditions.next(p.r) + " and " + conditions.next(p.r)
                        + ", based on clinical experience and evidence rather than explicit regulatory approval.");
                case 3 -> sentence(p, "In " + populations.next(p.r) + ", " + p.drug + " may be chosen when " + conditions.next(p.r)
                        + " has returned after treatment (relapsed) or has not responded to previous treatments (refractory).");
                case 4 -> sentence(p, "It's crucial to consult with a healthcare professional to determine if " + p.drug
                        + " is appropriate for a specific condition.");
                case 5 -> sentence(p, "Treatment with " + p.drug + " can reduce " + sideEffectWord(p) + " and improve quality of life in "
                        + populations.next(p.r) + ".");
                default -> paragraphBreak(p);
            }
        }
        p.out.append("\n\n");
    }

    private void dosage(Page p, int budget) {
        int start = p.out.length();
        sentence(p, "Dosage is highly individualized and depends on several factors, including the patient's age, weight, "
                + "kidney and liver function, and the specific medical condition being treated.");
        sentence(p, "Generally, " + p.drug + " is taken " + ROUTES[p.r.nextInt(ROUTES.length)] + ".");
        p.out.append("\n\n");
        if (p.v.misDecoded() || p.r.nextInt(5) == 0) {
            // Chemotherapy doses are per body surface area; the double-decoded variant needs an m² to damage.
            p.out.append("**For ").append(conditions.next(p.r)).append(":** The typical dose is ")
                    .append(AMOUNTS[p.r.nextInt(AMOUNTS.length)]).append(" mg/m²/day given intravenously for ")
                    .append(1 + p.r.nextInt(7)).append(" consecutive days, based on the patient's body surface area.\n\n");
        }
        if (p.v.subHeadings()) {
            p.out.append("#### Adults\n");
            doseLine(p, "adults");
            p.out.append("#### Children\n");
            doseLine(p, "children");
        }
        while (p.out.length() - start < budget) {
            p.out.append("**For ").append(conditions.next(p.r)).append(" in ").append(populations.next(p.r)).append(":** ");
            doseLine(p, null);
        }
    }

    private void doseLine(Page p, String who) {
        int amount = AMOUNTS[p.r.nextInt(AMOUNTS.length)];
        p.out.append("The typical dose ").append(who == null ? "" : "for " + who + " ").append("is ").append(amount)
                .append(" mg ").append(FREQUENCIES[p.r.nextInt(FREQUENCIES.length)]).append(' ')
                .append(ROUTES[p.r.nextInt(ROUTES.length)]).append(". ");
        if (p.r.nextBoolean()) {
            p.out.append("The maximum is ").append(amount * (2 + p.r.nextInt(4))).append(" mg per day. ");
        }
        if (p.r.nextInt(3) == 0) {
            p.out.append("Doses may need adjustment in ").append(populations.next(p.r)).append(". ");
        }
        p.out.setLength(p.out.length() - 1);
        p.out.append("\n\n");
    }

    private void sideEffects(Page p, int budget) {
        int start = p.out.length();
        p.out.append(cap(p.drug)).append(" can cause various side effects, ranging from mild to severe. Common side effects include:\n\n");
        List<String> common = distinct(sideEffects, 5 + p.r.nextInt(8), p.r);
        for (String effect : common) {
            p.out.append("*   ").append(effect).append('\n');
        }
        p.out.append("\nLess common but more serious side effects can include:\n\n");
        List<String> serious = distinct(sideEffects, common.size() + 3 + p.r.nextInt(6), p.r);
        serious.removeAll(common);
        for (String effect : serious) {
            p.out.append("*   ").append(effect);
            if (p.r.nextInt(3) == 0) {
                p.out.append(" (").append(organs.next(p.r)).append(" damage)");
            }
            p.out.append('\n');
        }
        p.out.append('\n');
        while (p.out.length() - start < budget) {
            switch (p.r.nextInt(4)) {
                case 0 -> sentence(p, "In clinical studies, " + sideEffectWord(p) + " was reported in about "
                        + (1 + p.r.nextInt(30)) + "% of patients taking " + p.drug + ".");
                case 1 -> sentence(p, cap(sideEffectWord(p)) + " and " + sideEffectWord(p)
                        + " are more likely in " + populations.next(p.r) + " and at higher doses.");
                case 2 -> sentence(p, "Rarely, " + p.drug + " may affect the " + organs.next(p.r) + ", causing "
                        + sideEffectWord(p) + ".");
                default -> paragraphBreak(p);
            }
        }
        p.out.append("\n\nIf you experience any concerning side effects, contact your healthcare provider immediately.\n\n");
    }

    private void howItWorks(Page p, int budget) {
        int start = p.out.length();
        sentence(p, cap(p.drug) + " is a " + classes.next(p.r) + ". It works by acting on " + targets.next(p.r)
                + ", which interferes with the processes that drive " + conditions.next(p.r) + ".");
        while (p.out.length() - start < budget) {
            switch (p.r.nextInt(4)) {
                case 0 -> sentence(p, "This inhibition ultimately helps to reduce " + sideEffectWord(p) + " and control "
                        + conditions.next(p.r) + ".");
                case 1 -> sentence(p, "It is absorbed from the intestines and cleared by the "
                        + (p.r.nextBoolean() ? "liver" : "kidneys") + "; its half-life is about " + (1 + p.r.nextInt(48)) + " hours.");
                case 2 -> sentence(p, "The mechanism also involves " + targets.next(p.r) + " in the " + organs.next(p.r) + ".");
                default -> paragraphBreak(p);
            }
        }
        p.out.append("\n\n");
    }

    private void precautions(Page p, int budget) {
        int start = p.out.length();
        List<String> labels = distinct(precautions, 4 + p.r.nextInt(5), p.r);
        int i = 0;
        while (p.out.length() - start < budget || i < 3) {
            String label = i < labels.size() ? labels.get(i) : precautions.next(p.r);
            p.out.append("*   **").append(label).append(":** ").append(precautionText(p, label)).append('\n');
            i++;
        }
        p.out.append('\n');
    }

    private String precautionText(Page p, String label) {
        return switch (label) {
            case "Hypersensitivity" -> cap(p.drug) + " is contraindicated in patients with known hypersensitivity to "
                    + p.drug + " or any of its components.";
            case "Pregnancy and Breastfeeding" -> "Use in pregnancy only if clearly needed; " + p.drug
                    + " may pass into breast milk. Effective contraception is essential during treatment.";
            case "Drug Interactions" -> cap(p.drug) + " can interact with " + interactions.next(p.r) + " and "
                    + interactions.next(p.r) + "; it's vital to inform your healthcare provider of all medications, "
                    + "supplements, and herbal remedies being taken.";
            case "Hepatic Impairment", "Renal Impairment" -> "Patients with severe " + (label.startsWith("H") ? "liver" : "kidney")
                    + " disease may require dose adjustments. Close monitoring of " + organs.next(p.r) + " function is crucial during treatment.";
            default -> "Patients with " + conditions.next(p.r) + " should use " + p.drug + " with caution, as it can worsen "
                    + sideEffectWord(p) + ". Regular check-ups are needed to monitor this.";
        };
    }

    private void faqs(Page p, int budget) {
        int start = p.out.length();
        while (p.out.length() - start < budget) {
            p.out.append("*   **Q: ");
            switch (p.r.nextInt(6)) {
                case 0 -> p.out.append("How should ").append(p.drug).append(" be stored?**  A: Store it at room temperature, away from "
                        + "moisture and heat, and out of the reach of children.");
                case 1 -> p.out.append("What should I do if I miss a dose?**  A: Take it as soon as you remember, unless it is almost "
                        + "time for the next dose. Do not take two doses at once.");
                case 2 -> p.out.append("Can I drink alcohol while taking ").append(p.drug).append("?**  A: Alcohol may increase ")
                        .append(sideEffectWord(p)).append("; ask your doctor or pharmacist.");
                case 3 -> p.out.append("How long will I be on ").append(p.drug).append("?**  A: The duration of treatment varies "
                        + "depending on individual response and the treatment plan developed by your doctor.");
                case 4 -> p.out.append("Is ").append(p.drug).append(" safe for ").append(populations.next(p.r))
                        .append("?**  A: It may be used with extra monitoring; your healthcare provider will weigh the benefits and risks.");
                default -> p.out.append("What if I experience ").append(sideEffectWord(p)).append("?**  A: Contact your doctor or "
                        + "healthcare provider, especially if it is severe or persistent.");
            }
            p.out.append('\n');
        }
        p.out.append("\n\n");
    }

    private static void disclaimer(Page p) {
        p.out.append("**Disclaimer:** This information is intended for educational purposes only and should not be considered "
                + "medical advice.  Always consult with your healthcare provider before starting or stopping any medication, "
                + "or if you have questions or concerns about your health or treatment.  Always refer to the official "
                + "prescribing information from the manufacturer for the most accurate and complete information.\n");
    }

    private void combination(Page p, int target) {
        frontMatterAndTitle(p);
        CorpusEntry e = p.entry;
        p.out.append("### Generic Name: ").append(e.generic()).append(" + ").append(e.second()).append("\n\n");
        sentence(p, "This entry describes a combination of " + e.generic() + " with " + e.second()
                + ". Fixed-dose products of this pair are uncommon, so each ingredient is described separately.");
        p.out.append("\n\n");
        int perIngredient = (target - 1200) / 2;
        for (String ingredient : List.of(e.generic(), e.second())) {
            p.out.append("### ").append(ingredient).append('\n');
            String[] labels = {"Usage", "Dosage", "Side Effects", "How it Works", "Precautions"};
            // Each label once, as on the real pages; longer pages get longer paragraphs, not more labels.
            for (String label : labels) {
                p.out.append("**").append(label).append(":** ");
                int start = p.out.length();
                do {
                    sentence(p, labelText(p, ingredient, label));
                } while (p.out.length() - start < perIngredient / labels.length);
                p.out.append("\n\n");
            }
        }
        p.out.append("### FAQs\n");
        faqs(p, 300);
        disclaimer(p);
    }

    private String labelText(Page p, String ingredient, String label) {
        return switch (label) {
            case "Usage" -> cap(ingredient) + " is a " + classes.next(p.r) + " used for " + conditions.next(p.r) + " and "
                    + conditions.next(p.r) + ".";
            case "Dosage" -> "For adults, " + AMOUNTS[p.r.nextInt(AMOUNTS.length)] + " mg "
                    + FREQUENCIES[p.r.nextInt(FREQUENCIES.length)] + ". Reduce the dose in " + populations.next(p.r) + ".";
            case "Side Effects" -> String.join(", ", distinct(sideEffects, 4 + p.r.nextInt(5), p.r)) + ".";
            case "How it Works" -> cap(ingredient) + " acts on " + targets.next(p.r) + ".";
            default -> "Use caution with " + conditions.next(p.r) + "; " + interactions.next(p.r) + " may increase its effects.";
        };
    }

    private static void refusal(Page p) {
        if (!p.v.noFrontMatter()) {
            p.out.append("---\nlayout: minimal-medicine\ntitle: ").append(p.entry.title()).append("\n---\n\n");
        }
        p.out.append("We're sorry, but we cannot provide a monograph for \"").append(p.entry.title())
                .append("\". The name does not match any medicine that we can identify with confidence. It may be misspelled, "
                        + "a brand sold only in one country, a product that has been discontinued, or a name used for several "
                        + "unrelated products, so we could not tell which active ingredient is meant.\n\n"
                        + "Publishing usage, dosing, side effect or safety information for a product we cannot identify could be "
                        + "misleading or even harmful, so no details are given here. Please check the spelling on the package or "
                        + "prescription, look for the active ingredient (generic name) and strength printed on the label, and "
                        + "search for that name instead. A pharmacist or doctor can confirm what the product contains.\n");
    }

    /** Applies the character-level variations to the finished page. */
    private static String finish(String text, FormatVariations v) {
        String s = text;
        if (v.curlyQuotes()) {
            s = curly(s);
        }
        if (v.htmlEntities()) {
            s = s.replace(" & ", " &amp; ").replace("'", "&#39;").replace(" mg ", "&nbsp;mg ")
                    .replace(" and ", " &amp; ").replace("less than ", "&lt; ");
        }
        if (v.misDecoded()) {
            s = s.replace("m²", "mÂ²").replace("patient's", "patientâ€™s");
        }
        if (v.crlf()) {
            s = s.replace("\n", "\r\n");
        }
        return s;
    }

    /** ASCII apostrophes and double quotes become typographic ones; the front matter keeps its own. */
    private static String curly(String s) {
        int bodyStart = s.startsWith("---\n") ? s.indexOf("\n---\n", 4) + 5 : 0;
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, bodyStart);
        boolean open = true;
        for (int i = bodyStart; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                out.append('’');
            } else if (c == '"') {
                out.append(open ? '“' : '”');
                open = !open;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String sideEffectWord(Page p) {
        return sideEffects.next(p.r).toLowerCase(Locale.ROOT);
    }

    private static void sentence(Page p, String s) {
        char last = p.out.isEmpty() ? '\n' : p.out.charAt(p.out.length() - 1);
        if (last != '\n' && last != ' ') {
            p.out.append("  ");
        }
        p.out.append(s);
    }

    private static void paragraphBreak(Page p) {
        if (!p.out.isEmpty() && p.out.charAt(p.out.length() - 1) != '\n') {
            p.out.append("\n\n");
        }
    }

    private static <T> T other(Zipf<T> zipf, T not, RandomGenerator r) {
        for (int i = 0; i < 20; i++) {
            T t = zipf.next(r);
            if (!t.equals(not)) {
                return t;
            }
        }
        return not;
    }

    /** Up to {@code n} different entries; a short list may yield fewer. */
    private static List<String> distinct(Zipf<String> zipf, int n, RandomGenerator r) {
        Set<String> out = new LinkedHashSet<>();
        for (int tries = 0; out.size() < n && tries < n * 10; tries++) {
            out.add(zipf.next(r));
        }
        return new ArrayList<>(out);
    }

    private static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
