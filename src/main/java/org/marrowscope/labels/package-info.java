/**
 * Label files that training and evaluation both read: the diagnosis CSV ({@code slide,diagnosis[,patient]}), the
 * labelled slides it gives, the CSV reader with line-numbered errors, and the exception naming file, line and problem.
 *
 * <p>May import: Jackson's CSV reader and the JDK only.
 */
package org.marrowscope.labels;
