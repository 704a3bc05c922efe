package org.marrowscope.synth.smear;

/** The diagnoses a synthetic smear can show, in the paper's class order. */
public enum SmearClass {
    ALL("ALL"),
    AML("AML"),
    CML("CML"),
    LYMPHOMA("Lymphoma"),
    MM("MM");

    private final String label;

    SmearClass(String label) {
        this.label = label;
    }

    /** The class name as models and reports write it (ALL, AML, CML, Lymphoma, MM). */
    public String label() {
        return label;
    }

    /** Accepts the label or the enum name in any case ("lymphoma", "LYMPHOMA", "Lymphoma"). */
    public static SmearClass parse(String text) {
        for (SmearClass c : values()) {
            if (c.label.equalsIgnoreCase(text.trim()) || c.name().equalsIgnoreCase(text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown class '" + text + "': expected one of ALL, AML, CML, Lymphoma, MM");
    }

    @Override
    public String toString() {
        return label;
    }
}
