/**
 * Privacy: detectors that mask personal data in text ({@link dev.ticketkit.core.privacy.Redactor}),
 * erasing (anonymising) and exporting a requester ({@link dev.ticketkit.core.privacy.Privacy}),
 * retention of closed tickets ({@link dev.ticketkit.core.privacy.Retention}), outbox events
 * without bodies ({@link dev.ticketkit.core.privacy.OutboxBodies}), and the store SPI those need
 * ({@link dev.ticketkit.core.privacy.PersonalDataStore}).
 */
@NullMarked
package dev.ticketkit.core.privacy;

import org.jspecify.annotations.NullMarked;
