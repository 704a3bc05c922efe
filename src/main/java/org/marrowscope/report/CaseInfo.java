package org.marrowscope.report;

import java.time.LocalDate;

/**
 * What the user typed in about the case. Every field is optional: a blank field is left out of the report, never
 * printed empty, and patient identity appears only when the user entered it.
 *
 * @param caseId the laboratory's case or accession number (shown in every page header)
 * @param patientName patient's name
 * @param patientId patient's identifier (e.g. medical record number)
 * @param birthDate patient's date of birth
 * @param requestingPhysician who asked for the examination
 * @param reportingPathologist who reviews and signs the case
 * @param referenceDiagnosis the pathologist's diagnosis, one of the models' classes; ROIs labelled otherwise are
 *     shown as disagreeing with it
 * @param comment free text
 */
public record CaseInfo(String caseId, String patientName, String patientId, LocalDate birthDate,
        String requestingPhysician, String reportingPathologist, String referenceDiagnosis, String comment) {

    /** No case details at all. */
    public static final CaseInfo NONE = new CaseInfo(null, null, null, null, null, null, null, null);

    public CaseInfo {
        caseId = clean(caseId);
        patientName = clean(patientName);
        patientId = clean(patientId);
        requestingPhysician = clean(requestingPhysician);
        reportingPathologist = clean(reportingPathologist);
        referenceDiagnosis = clean(referenceDiagnosis);
        comment = clean(comment);
    }

    public CaseInfo withReferenceDiagnosis(String value) {
        return new CaseInfo(caseId, patientName, patientId, birthDate, requestingPhysician, reportingPathologist, value,
                comment);
    }

    public CaseInfo withCaseId(String value) {
        return new CaseInfo(value, patientName, patientId, birthDate, requestingPhysician, reportingPathologist,
                referenceDiagnosis, comment);
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = escapeControls(s.strip());
        return t.isEmpty() ? null : t;
    }

    /**
     * Control characters cannot be drawn and are not allowed in the PDF's XMP metadata (XML 1.0), so a field
     * pasted with one would abort the report; they are kept visible as a backslash, "u" and four hex digits instead.
     */
    static String escapeControls(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
