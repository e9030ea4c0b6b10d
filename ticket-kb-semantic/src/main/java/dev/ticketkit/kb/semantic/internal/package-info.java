/**
 * Internals of ticket-kb-semantic, not exported by the module descriptor: loading a bundled
 * ONNX BERT encoder on a session that runs on the calling thread.
 */
@NullMarked
package dev.ticketkit.kb.semantic.internal;

import org.jspecify.annotations.NullMarked;
