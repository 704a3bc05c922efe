package org.marrowscope.slide;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Properties that may identify a patient. Scanners store what the lab typed or the barcode held: patient names,
 * record numbers, dates of birth, accession numbers, barcodes, operator and slide names. They are hidden unless the
 * user asks, because {@code info}'s output ends up in tickets, chats and logs.
 */
public final class IdentifyingProperties {

    public static final String HIDDEN = "[hidden: may identify the patient; --show-identifying shows it]";

    /** Keys (any vendor) that name a person, a case or a label. */
    private static final Pattern KEY = Pattern.compile("(?i).*(patient|barcode|mrn|birth|dob|accession|ssn|"
            + "social|operator|user|name|label|case|subject|physician|address|phone).*");
    /** Values that embed such fields, e.g. Aperio's "|Patient = ...|" inside tiff.ImageDescription. */
    private static final Pattern VALUE = Pattern.compile("(?i).*(patient|mrn|birth|dob|barcode|accession)\\s*[=:].*",
            Pattern.DOTALL);

    private IdentifyingProperties() {
    }

    public static boolean identifying(String key, String value) {
        return KEY.matcher(key).matches() || (value != null && VALUE.matcher(value).matches());
    }

    /** The properties with identifying values replaced by {@link #HIDDEN}, in the same order. */
    public static Map<String, String> hide(Map<String, String> properties) {
        return hide(properties, HIDDEN);
    }

    /**
     * The properties with identifying values replaced by {@code placeholder} (which says how to show them where
     * the properties are shown: an option on the command line, a tick box in the app), in the same order.
     */
    public static Map<String, String> hide(Map<String, String> properties, String placeholder) {
        Map<String, String> out = new LinkedHashMap<>();
        properties.forEach((k, v) -> out.put(k, identifying(k, v) ? placeholder : v));
        return out;
    }
}
