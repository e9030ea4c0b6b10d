/**
 * Renderers of a {@link dev.ticketkit.report.Report}, kept apart from the data: JSON
 * ({@link JsonReportRenderer}, Jackson, stable field names), CSV per table
 * ({@link CsvReportRenderer}, Apache Commons CSV) and one self-contained HTML page with inline
 * SVG charts ({@link HtmlReportRenderer}, JFreeChart with JFreeSVG, Mustache).
 *
 * <p>Commons CSV, JFreeChart, JFreeSVG and Mustache are optional dependencies of ticket-report: a
 * host that only wants the data (or JSON) does not carry them. A host that renders CSV adds
 * {@code org.apache.commons:commons-csv}; one that renders HTML adds {@code org.jfree:jfreechart},
 * {@code org.jfree:org.jfree.svg} and {@code com.github.spullara.mustache.java:compiler} (the
 * versions ticket-report is built and tested with are in the parent POM). Creating a renderer
 * without them throws {@link MissingRendererDependencyException} naming what to add.
 */
@NullMarked
package dev.ticketkit.report.render;

import org.jspecify.annotations.NullMarked;
