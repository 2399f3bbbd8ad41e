/**
 * The web module: pages by feature ({@code library}, {@code upload}, {@code documents},
 * {@code search}, {@code versions}), sign-in ({@code signin}) and the HTTP clients of the
 * two APIs ({@code api}).
 */
@NullMarked
package org.edm.web;

import org.jspecify.annotations.NullMarked;
