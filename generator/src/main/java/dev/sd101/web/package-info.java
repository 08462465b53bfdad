/**
 * The web formats every stage writes the same way: URL paths ({@link dev.sd101.web.UrlPaths}: encoding, strict
 * decoding, relative links from a page) and JSON strings ({@link dev.sd101.web.Json}). It depends on nothing else of
 * the engine, so the link check, the renderer, the search index and the output share it without depending on each
 * other.
 */
package dev.sd101.web;
