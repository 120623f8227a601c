package dev.faultline.report.html;

/**
 * One section of the report page. Every section renders for every journal: one without data says so
 * in a line instead of vanishing, so readers learn the data is missing rather than wonder.
 */
sealed interface Section permits SummarySection, TimelineSection, SliSection, BudgetSection, GuardsSection,
        HypothesisSection, ActivitiesSection, FaultsSection, PreflightSection, ConfigurationSection {

    /** The fragment id the table of contents links to. */
    String id();

    /** The heading. */
    String title();

    void render(Page page, Html html);

    /** Writes the section with its heading. */
    default void write(Page page, Html html) {
        html.open("section", "id", id()).element("h2", title());
        render(page, html);
        html.close("section").newline();
    }

    static void none(Html html, String why) {
        html.element("p", why, "class", "none");
    }
}
