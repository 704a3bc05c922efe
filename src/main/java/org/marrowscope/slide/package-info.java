/**
 * Slide access: the {@code Slide} abstraction, the OpenSlide binding written with the JDK's foreign function API,
 * plain microscope pictures as one-level slides, pixel size, and {@code Slides}, which opens any of them with a clear
 * error per failure.
 *
 * <p>May import: Nothing but the JDK (and libopenslide at run time).
 */
package org.marrowscope.slide;
