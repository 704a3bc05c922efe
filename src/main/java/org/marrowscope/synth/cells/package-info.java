/**
 * One cell or object at a time: nucleated cells of every lineage, red cells, fat, specks, their shapes and stain,
 * painted in optical density.
 *
 * <p>May import: Nothing but the JDK.
 */
package org.marrowscope.synth.cells;
