package org.marrowscope.cli;

import org.marrowscope.synth.smear.SmearClass;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts class names in any case (ALL, aml, Lymphoma, ...). */
final class SmearClassConverter implements ITypeConverter<SmearClass> {
    @Override
    public SmearClass convert(String value) {
        try {
            return SmearClass.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
