package org.marrowscope.spark;

import org.apache.spark.launcher.JavaModuleOptions;

/**
 * Prints the JVM options Spark needs on a modular JDK ({@code --add-opens ...}) for the {@code marrowscope-spark}
 * launcher: taken from Spark's own launcher class, so they follow the Spark version shipped instead of a copied list.
 */
public final class ModuleOptions {

    private ModuleOptions() {
    }

    public static void main(String[] args) {
        System.out.println(JavaModuleOptions.defaultModuleOptions());
    }
}
