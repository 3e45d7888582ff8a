/**
 * Building blocks shared by the SDK's own format modules (CAdES here, PAdES in kyso-pdf, XAdES in
 * kyso-xml): DSS configuration from a validation context, DSS reports mapped into the common
 * verification report, stable error mapping, signing checks and events. Not meant for vendors; may
 * change between releases.
 */
package vn.kyso.core.format;
