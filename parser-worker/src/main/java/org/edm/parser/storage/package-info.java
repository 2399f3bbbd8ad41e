/** Where the stored PDFs live: keys from {@code documents.file_path} resolved under {@code edm.storage.root}. */
@NullMarked
package org.edm.parser.storage;

import org.jspecify.annotations.NullMarked;
