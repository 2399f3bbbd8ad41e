/**
 * Where the stored PDFs live: keys from {@code documents.file_path} resolved under
 * {@code edm.storage.root}, or objects in an S3-compatible store
 * ({@code edm.storage.type=s3}).
 */
@NullMarked
package org.edm.parser.storage;

import org.jspecify.annotations.NullMarked;
