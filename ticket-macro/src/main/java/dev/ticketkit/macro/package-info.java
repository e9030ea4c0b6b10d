/**
 * Macros: a canned reply in several languages plus field changes, kept as data (JSON) and applied
 * to a ticket as one versioned write.
 *
 * <p>A {@link dev.ticketkit.macro.Macro} is read with {@link dev.ticketkit.macro.MacroJson}, kept
 * per tenant in a {@link dev.ticketkit.macro.MacroLibrary}, and applied with
 * {@link dev.ticketkit.macro.Macros#apply}: the reply is rendered from the ticket (requester name,
 * ticket number, due time in the tenant's zone and the template's locale, agent name), then the
 * status transition, tags, priority, category and the public reply are written as one
 * {@code TicketChanges} through {@code TicketService.apply}, with the workflow's checks and the
 * usual history and events. A variable the template needs and the ticket cannot give throws
 * {@link dev.ticketkit.macro.MissingVariableException} naming it before anything is written.
 *
 * <p>Template engine: <a href="https://github.com/spullara/mustache.java">Mustache.java</a>
 * ({@code com.github.spullara.mustache.java:compiler}). Mustache is logic-less, a format support
 * teams already meet in other helpdesks, and its templates compile once to a tree whose variables
 * can be listed, so a template is checked when the macro is read (an unknown variable, a section
 * or a partial is a {@link dev.ticketkit.macro.MacroFormatException}) and the values are checked
 * before rendering. Mustache.java was chosen over JMustache (strict about missing keys by default)
 * because ticket-report already renders its HTML report with it, so the project keeps one
 * template engine and one version to follow; it has no runtime dependencies (one jar of about
 * 100 KB) and declares an automatic module name. Its leniency about missing keys does not matter
 * here: the variables of a template are listed when it is compiled and each one's value is
 * checked before rendering. HTML escaping is turned off: replies are plain text, and a name such as
 * {@code O'Brien & Sons} must reach the requester as written. Partials are never loaded (no
 * template can read a file or a class-path resource).
 *
 * <p>Everything here is not-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.ticketkit.macro;

import org.jspecify.annotations.NullMarked;
