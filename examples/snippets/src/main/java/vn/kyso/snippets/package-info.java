/**
 * The Java samples of README.md and docs/: each sample is the region between {@code // tag::name[]} and
 * {@code // end::name[]} of a class here, and the document shows it after {@code <!-- snippet: name -->}.
 * Every sample is a whole method, so that nothing it uses is undefined; the tests of this module run each
 * one against the sandbox (kyso-testkit) and check what the documents say it does.
 */
package vn.kyso.snippets;
