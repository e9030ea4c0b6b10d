/**
 * TicketKit macros: canned replies with field changes, kept as JSON per tenant and applied to a
 * ticket as one versioned write through {@code TicketService}. Exports its API package only; no
 * Mustache or Jackson type appears in the API.
 */
module dev.ticketkit.macro {
  requires transitive dev.ticketkit.core;
  requires com.fasterxml.jackson.databind;
  requires com.github.mustachejava;

  exports dev.ticketkit.macro;
}
