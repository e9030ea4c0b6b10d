/**
 * In-process sentence embeddings for the knowledge base's hybrid search: {@link
 * dev.ticketkit.kb.semantic.BgeSmallZhEmbedding}, a {@link dev.ticketkit.kb.search.TextEmbedding}
 * that runs a quantised bge-small-zh-v1.5 on the CPU with ONNX Runtime, shipped in the jar.
 * Optional: a host that does not depend on this module carries no model.
 */
@NullMarked
package dev.ticketkit.kb.semantic;

import org.jspecify.annotations.NullMarked;
