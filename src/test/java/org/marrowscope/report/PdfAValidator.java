package org.marrowscope.report;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF Association's reference validator, checking PDF/A-2b. */
final class PdfAValidator {

    /** The verdict, with the failed rules ("6.2.11.4.1: The font programs for all fonts ... shall be embedded"). */
    record Verdict(boolean compliant, List<String> failures) {
    }

    static {
        VeraGreenfieldFoundryProvider.initialise();
    }

    private PdfAValidator() {
    }

    static Verdict validate(byte[] pdf) throws Exception {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + ": " + a.getMessage())
                    .distinct().toList();
            return new Verdict(result.isCompliant(), failures);
        }
    }
}
