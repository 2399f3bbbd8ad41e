/**
 * The one-command local run: embedded PostgreSQL and Kafka, migrations, and the three
 * services.
 */
@NullMarked
package org.edm.localstack;

import org.jspecify.annotations.NullMarked;
