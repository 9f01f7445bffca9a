/**
 * Runs before every test file (vitest.config.ts setupFiles). The cluster's own writes skip
 * strict decoding for a cheaper copy (ApiServer.internalClient, admission/decode.ts
 * decodeTrusted); under test every such write is decoded strictly as well and the two must agree
 * byte for byte, so the whole suite checks that the shortcut changes nothing.
 */
import { TRUSTED_DECODING } from '../../src/cluster/api/admission/decode.ts';

TRUSTED_DECODING.verify = true;
