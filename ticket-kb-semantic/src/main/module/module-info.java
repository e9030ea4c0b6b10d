/**
 * TicketKit's optional semantic search: an in-process embedding model for hybrid search,
 * similar tickets and FAQ clusters. The LangChain4j jars have no module names of their own, so
 * they are required by the names the JDK derives from their file names.
 */
module dev.ticketkit.kb.semantic {
  requires transitive dev.ticketkit.kb;
  requires com.microsoft.onnxruntime;
  requires langchain4j.core;
  requires langchain4j.embeddings;
  requires langchain4j.embeddings.bge.small.zh.v15.q;

  exports dev.ticketkit.kb.semantic;
}
