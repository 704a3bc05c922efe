package org.marrowscope.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class PageFlowWrapTest {

    private final PageFlow.Style style = new PageFlow.Style(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10,
            Color.BLACK);

    @Test
    void aHyphenatedNameTooWideForItsColumnBreaksAfterTheHyphen() throws IOException {
        float width = PageFlow.width("demo-densen", style);

        assertThat(PageFlow.wrap("demo-densenet", style, width)).containsExactly("demo-", "densenet");
        assertThat(PageFlow.wrap("demo-mobilenet", style, width)).containsExactly("demo-", "mobilenet");
    }

    @Test
    void aWordWithoutBreakPointsIsCutWhereItStopsFitting() throws IOException {
        float width = PageFlow.width("abcdef", style);

        assertThat(PageFlow.wrap("abcdefghijkl", style, width)).containsExactly("abcdef", "ghijkl");
    }

    @Test
    void wordsThatFitStayTogetherAndSpacesBreakFirst() throws IOException {
        float width = PageFlow.width("Tile votes", style);

        assertThat(PageFlow.wrap("Tile votes", style, width)).containsExactly("Tile votes");
        assertThat(PageFlow.wrap("Tile votes in all", style, width)).containsExactly("Tile votes", "in all");
    }
}
