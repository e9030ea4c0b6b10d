/**
 * Privacy: detectors that mask personal data in text ({@link dev.ticketkit.core.privacy.Redactor}),
 * erasing (anonymising) and exporting a requester ({@link dev.ticketkit.core.privacy.Privacy}),
 * and the store SPI those need ({@link dev.ticketkit.core.privacy.PersonalDataStore}).
 */
@NullMarked
package dev.ticketkit.core.privacy;

import org.jspecify.annotations.NullMarked;
