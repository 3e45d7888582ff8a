package vn.kyso.cli;

import vn.kyso.api.ErrorCode;
import vn.kyso.api.report.Verdict;

/**
 * Process exit codes of the {@code kyso} command (sysexits-style where no verdict applies).
 * 0 VALID / success, 1 INVALID or a refused action, 2 INDETERMINATE, 3 no signature found, 64 usage
 * error, 65 unreadable or malformed input, 69 a service or token unavailable, 70 internal error,
 * 75 a network port in use by another program (try again later or on another port), 77 wrong password
 * or PIN.
 */
final class ExitCodes {
    static final int OK = 0;
    static final int INVALID = 1;
    static final int INDETERMINATE = 2;
    static final int NO_SIGNATURE = 3;
    static final int USAGE = 64;
    static final int DATA = 65;
    static final int UNAVAILABLE = 69;
    static final int SOFTWARE = 70;
    static final int TEMPORARY = 75;
    static final int NO_PERMISSION = 77;

    private ExitCodes() {
    }

    static int of(Verdict verdict) {
        switch (verdict) {
            case VALID: return OK;
            case INVALID: return INVALID;
            default: return INDETERMINATE;
        }
    }

    static int of(ErrorCode code) {
        switch (code) {
            case NO_SIGNATURE:
                return NO_SIGNATURE;
            case INVALID_ARGUMENT:
            case SIGNER_SETTING_MISSING:
            case DETACHED_DATA_REQUIRED:
            case USAGE_UNKNOWN_OPTION:
            case USAGE_UNEXPECTED_ARGUMENT:
            case USAGE_MISSING_PARAMETER:
            case USAGE_INVALID_VALUE:
            case USAGE_MISSING_SUBCOMMAND:
            case USAGE_CONFLICT:
            case USAGE_INVALID:
                return USAGE;
            case INPUT_UNREADABLE:
            case MALFORMED_INPUT:
            case UNSUPPORTED_FORMAT:
            case CERTIFICATE_UNREADABLE:
            case KEYSTORE_UNREADABLE:
            case STATE_INVALID:
            case TRUST_NOT_PINNED:
                return DATA;
            case TOKEN_UNAVAILABLE:
            case VERIFIER_MISSING:
            case TIMESTAMP_FAILED:
            case REVOCATION_UNAVAILABLE:
            case NETWORK_FAILED:
                return UNAVAILABLE;
            case KEYSTORE_PASSWORD:
            case DOCUMENT_PASSWORD:
            case PIN_INCORRECT:
            case PIN_LOCKED:
                return NO_PERMISSION;
            case PORT_IN_USE:
                return TEMPORARY;
            case INTERNAL:
                return SOFTWARE;
            default:
                return INVALID;
        }
    }
}
