/**
 * File helpers every writer uses: atomic writes (a hidden part file, then a move, so nothing half-written is left) and
 * the per-user folders (XDG).
 *
 * <p>May import: Nothing but the JDK.
 */
package org.marrowscope.io;
