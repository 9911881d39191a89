/** Importing panels from curl, .http files, Postman and OpenAPI, and writing them back out. */
@NullMarked
package dev.fetchboard.interop;

import org.jspecify.annotations.NullMarked;
