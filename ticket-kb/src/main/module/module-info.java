/**
 * TicketKit knowledge base: articles, their lifecycle and review cycle, search and suggestions.
 * Exports its API packages only; {@code dev.ticketkit.kb.internal} stays hidden, and no Lucene
 * type appears in the API.
 */
module dev.ticketkit.kb {
  requires transitive dev.ticketkit.core;
  requires com.ibm.icu;
  requires org.apache.lucene.analysis.common;
  requires org.apache.lucene.analysis.icu;
  requires org.apache.lucene.analysis.smartcn;
  requires org.apache.lucene.core;
  requires org.apache.lucene.highlighter;
  requires org.apache.lucene.queries;
  requires org.slf4j;

  exports dev.ticketkit.kb;
  exports dev.ticketkit.kb.search;
  exports dev.ticketkit.kb.store;
  exports dev.ticketkit.kb.ticket;
}
