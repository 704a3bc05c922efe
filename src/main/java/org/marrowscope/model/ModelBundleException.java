package org.marrowscope.model;

import java.nio.file.Path;

/**
 * A model bundle was refused. The message names the bundle folder, the file (when one is at fault) and the
 * problem, so it can be shown to a user or written by the command line as it is.
 */
public final class ModelBundleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the bundle. */
    public enum Kind {
        /** The folder or its {@code model.json} does not exist. */
        MISSING_MANIFEST,
        /** {@code model.json} is not well-formed JSON (the message gives line and column). */
        BAD_JSON,
        /** A required field is absent. */
        MISSING_FIELD,
        /** A field has a value this format does not allow (wrong type, unknown value, out of range). */
        INVALID_FIELD,
        /** A file listed in the manifest does not exist. */
        MISSING_FILE,
        /** A file's SHA-256 differs from the manifest's. */
        HASH_MISMATCH,
        /** The model's output size differs from the number of classes in the manifest. */
        CLASS_COUNT_MISMATCH,
        /** The manifest does not give the input size. */
        INPUT_SIZE_MISSING,
        /** The manifest's {@code formatVersion} is not one this version of MarrowScope reads. */
        UNSUPPORTED_VERSION,
        /** The PyTorch engine could not load or run a file. */
        LOAD_FAILED,
        /** Signed bundles are required and this one is unsigned, or its signature does not verify. */
        SIGNATURE,
        /** The bundle is valid alone but not with the others selected (resolution, classes). */
        INCOMPATIBLE
    }

    private final Kind kind;
    private final transient Path bundle;
    private final String file;
    private final String problem;

    ModelBundleException(Kind kind, Path bundle, String file, String problem, Throwable cause) {
        super(message(bundle, file, problem), cause);
        this.kind = kind;
        this.bundle = bundle;
        this.file = file;
        this.problem = problem;
    }

    ModelBundleException(Kind kind, Path bundle, String file, String problem) {
        this(kind, bundle, file, problem, null);
    }

    /**
     * Every bundle of a role was left out with {@code --skip-failed-bundles}: nothing is left to run with.
     *
     * @param folder the models folder (or the bundle given for the role)
     */
    public static ModelBundleException noneLeft(Path folder, String problem) {
        return new ModelBundleException(Kind.MISSING_MANIFEST, folder.toAbsolutePath(), null, problem);
    }

    /** A models folder or bundle folder named by the user does not exist. */
    public static ModelBundleException missingFolder(Path folder) {
        return new ModelBundleException(Kind.MISSING_MANIFEST, folder.toAbsolutePath(), null, "no such folder");
    }

    private static String message(Path bundle, String file, String problem) {
        return "Model bundle " + bundle + (file == null ? "" : ": " + file) + ": " + problem;
    }

    /** What is wrong. */
    public Kind kind() {
        return kind;
    }

    /** The bundle folder. */
    public Path bundle() {
        return bundle;
    }

    /** The problem alone, without the bundle and file the message starts with. */
    public String problem() {
        return problem;
    }

    /** The file at fault, relative to the bundle folder, or null when the problem is not in one file. */
    public String file() {
        return file;
    }
}
