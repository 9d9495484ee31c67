// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";

/// @title AttestationRegistry
/// @notice The on-chain half of teeoracle: relayers verify SEV-SNP reports and TDX quotes off-chain and post
/// k-of-n EIP-712 signed attestations here; consumers ask `isAttested`. Protocol: docs/protocol.md.
/// @dev Gas is a feature here. A subject's record is one storage slot and refers to its measurement by a
/// 32-bit id, so `isAttested` reads three slots (record, measurement status, config) and a refresh writes
/// one. Measurement status is kept twice, by hash (read by `attest`) and by id (read by `isAttested`);
/// `_setMeasurement` is the only writer of both.
contract AttestationRegistry is IAttestationRegistry, AccessControl, EIP712 {
    // ---------------------------------------------------------------- roles and constants

    /// @notice Manages measurements, relayers, limits, TCB minimums and revocations.
    bytes32 public constant GOVERNOR_ROLE = keccak256("teeoracle.role.governor");
    /// @notice May call `requestReattestation` for any subject.
    bytes32 public constant REQUESTER_ROLE = keccak256("teeoracle.role.requester");

    uint8 public constant TEE_SEV_SNP = 1;
    uint8 public constant TEE_TDX = 2;
    /// @notice Highest normalized TCB status (OutOfDateConfigurationNeeded); see docs/protocol.md section 2.
    uint8 public constant MAX_TCB_STATUS = 6;

    bytes32 public constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(address subject,uint8 teeType,bytes32 measurementHash,uint8 tcbStatus,uint64 issuedAt,uint64 expiresAt,bytes32 nonce,bytes32 quoteHash,bytes32 appData)"
    );

    // ---------------------------------------------------------------- errors

    error ZeroSubject();
    error MalformedAttestation();
    error InvalidTeeType(uint8 teeType);
    error InvalidTcbStatus(uint8 tcbStatus);
    error IssuedInFuture(uint64 issuedAt, uint256 blockTime);
    error AttestationTooOld(uint64 issuedAt, uint256 blockTime, uint32 maxAttestationAge);
    error InvalidExpiry(uint64 issuedAt, uint64 expiresAt);
    error ExpiryBeyondCap(uint64 expiresAt, uint64 cap);
    error AlreadyExpired(uint64 expiresAt, uint256 blockTime);
    error MeasurementNotAllowed(bytes32 measurementHash);
    error MeasurementTeeTypeMismatch(bytes32 measurementHash, uint8 allowedTeeType, uint8 teeType);
    error MeasurementSunsetPassed(bytes32 measurementHash, uint64 sunsetAt);
    error TcbStatusBelowMinimum(uint8 tcbStatus, uint8 minimum);
    error SubjectRevoked(address subject);
    error StaleAttestation(uint64 issuedAt, uint64 currentIssuedAt);
    error NonceMismatch(bytes32 nonce, bytes32 pendingNonce);
    error TooFewSignatures(uint256 valid, uint8 threshold);
    error InvalidSignature(uint256 index);
    error HighSSignature(uint256 index);
    error UnauthorizedSigner(address signer);
    error DuplicateSigner(address signer);
    error LengthMismatch(uint256 attestations, uint256 signatureSets);
    error NotAttestedSubject(address subject);
    error RequestCooldown(address subject, uint64 availableAt);
    error RequestPending(address subject, uint64 deadline);
    error NotRequester(address caller);
    error InvalidRelayerSet(uint256 relayers, uint8 threshold);
    error ZeroRelayer();
    error DuplicateRelayer(address relayer);
    error InvalidLimits();
    error SunsetOutOfRange(uint64 sunsetAt);
    error MeasurementIdsExhausted();

    // ---------------------------------------------------------------- events (beyond the interface)

    event MeasurementAllowed(bytes32 indexed measurementHash, uint8 teeType);
    event MeasurementRevoked(bytes32 indexed measurementHash);
    event MeasurementSunset(bytes32 indexed measurementHash, uint64 sunsetAt);
    event RelayersUpdated(address[] relayers, uint8 threshold);
    event LimitsUpdated(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown);
    event MinTcbStatusUpdated(uint8 indexed teeType, uint8 status);
    /// @notice One item of an `attestBatch` was rejected; `reason` is the selector of the custom error that
    /// `attest` would have reverted with.
    event AttestationRejected(address indexed subject, uint256 index, bytes4 reason);

    // ---------------------------------------------------------------- storage

    /// @dev One slot per subject (216 of 256 bits).
    struct Record {
        uint40 issuedAt;
        uint40 expiresAt;
        uint40 requestDeadline; // nonzero while a re-attestation request is pending
        uint40 lastRequestAt;
        uint32 measurementId;
        uint8 teeType;
        uint8 tcbStatus;
        bool revoked;
    }

    /// @dev One slot, stored by hash and by id.
    struct Measurement {
        uint32 id; // 0: never allowed
        uint8 teeType;
        bool allowed;
        uint40 sunsetAt; // 0: no sunset
    }

    /// @dev Everything `attest` and `isAttested` need besides the record and measurement, in one slot.
    struct Config {
        uint8 threshold;
        uint8 minTcbSnp;
        uint8 minTcbTdx;
        uint32 maxAttestationAge;
        uint32 maxValidity;
        uint32 responseWindow;
        uint32 cooldown;
    }

    Config private _config;
    mapping(address subject => Record) private _records;
    mapping(address subject => bytes32) private _requestNonce;
    mapping(bytes32 measurementHash => Measurement) private _measurementByHash;
    mapping(uint32 id => Measurement) private _measurementById;
    mapping(uint32 id => bytes32) private _measurementHashById;
    uint32 private _measurementCount;
    mapping(address relayer => uint256) private _relayerWord; // RELAYER_FLAG | hot config copy
    address[] private _relayers;

    // ---------------------------------------------------------------- construction

    /// @param admin Receives DEFAULT_ADMIN_ROLE and GOVERNOR_ROLE (use a multisig or timelock in production).
    /// @param relayers Initial relayer set; `threshold` of them must sign each attestation.
    constructor(
        address admin,
        address[] memory relayers,
        uint8 threshold,
        uint32 maxAttestationAge,
        uint32 maxValidity,
        uint32 responseWindow,
        uint32 cooldown
    ) EIP712("teeoracle AttestationRegistry", "1") {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(GOVERNOR_ROLE, admin);
        _setRelayers(relayers, threshold);
        _setLimits(maxAttestationAge, maxValidity, responseWindow, cooldown);
    }

    // ---------------------------------------------------------------- posting

    /// @notice Records a relayer-signed attestation. Reverts with the custom error naming the first check that
    /// fails.
    /// @param a The attestation; see docs/protocol.md section 4.
    /// @param signatures At least `threshold` 65-byte (r, s, v) low-s signatures over the EIP-712 digest of
    /// `a` by distinct authorized relayers, in any order.
    function attest(Attestation calldata a, bytes[] calldata signatures) external {
        Memo memory memo;
        memo.separator = _domainSeparatorV4();
        if (!_tryFast(memo, a, signatures)) _attest(memo, a, signatures, true);
    }

    /// @notice Records many attestations in one transaction. An item that fails is skipped and reported by an
    /// `AttestationRejected` event and in the result; the others still land.
    /// @return reasons Per item: zero when recorded, else the selector of the custom error it failed with.
    function attestBatch(Attestation[] calldata a, bytes[][] calldata signatures)
        external
        returns (bytes4[] memory reasons)
    {
        uint256 n = a.length;
        if (n != signatures.length) revert LengthMismatch(n, signatures.length);
        Memo memory memo;
        memo.separator = _domainSeparatorV4();
        reasons = new bytes4[](n);
        uint256 aOff;
        uint256 sOff;
        assembly ("memory-safe") {
            aOff := a.offset
            sOff := signatures.offset
        }
        // `_fastBatch` records items until one needs the general path; that item goes through `_attest`,
        // then the fast loop resumes after it.
        for (uint256 i = _fastBatch(memo, aOff, sOff, 0, n); i < n; i = _fastBatch(memo, aOff, sOff, i + 1, n)) {
            // Indexing by hand skips the ABI decoder's per-item offset checks. A corrupt signatures
            // offset only makes its reads return zeros past the calldata end, which is an invalid
            // signature, so the item is rejected like any other.
            Attestation calldata item;
            bytes[] calldata sigs;
            assembly ("memory-safe") {
                item := add(aOff, mul(i, 0x120))
                let p := add(sOff, calldataload(add(sOff, shl(5, i))))
                sigs.length := calldataload(p)
                sigs.offset := add(p, 0x20)
            }
            bytes4 reason = _attest(memo, item, sigs, false);
            if (reason != bytes4(0)) {
                reasons[i] = reason;
                // The raw word, not `item.subject`: that read validates the address and would revert the whole
                // batch on an item with dirty high bits, which `_attest` reports as MalformedAttestation.
                uint256 subject;
                assembly ("memory-safe") {
                    subject := calldataload(item)
                }
                emit AttestationRejected(address(uint160(subject)), i, reason);
            }
        }
        // `reasons` is already laid out as its ABI encoding (clean left-aligned words): return it in place
        // instead of copying it through the encoder. The word before it (the memo's last) is not needed now.
        assembly ("memory-safe") {
            let start := sub(reasons, 0x20)
            mstore(start, 0x20)
            return(start, add(0x40, shl(5, n)))
        }
    }

    // ---------------------------------------------------------------- the hot path
    //
    // Every attestation pays for this code, and the gas goals (docs/benchmarks.md) leave no room for
    // the compiler's struct packing or a branch per check. So it works on raw storage words, whose bit
    // layouts are exactly Solidity's for Record, Measurement and Config (first member in the lowest
    // bits): the rest of the contract uses the structs as usual. Three ideas keep it cheap:
    //  - Each authorized relayer's word in `_relayerWord` carries a copy of the hot config (threshold,
    //    TCB minimums, age and validity limits), so an attestation reads three cold slots (relayer,
    //    measurement, record), not four. `_syncRelayerWords` rewrites the copies on every change.
    //  - `_fastCheck` evaluates every acceptance rule without branching. Only when it fails does
    //    `_diagnose` run the rules one by one, in the documented order, to name the first that failed.
    //  - Within one transaction the domain separator, the last measurement and the last signer are
    //    remembered (`Memo`), which is what makes batches cheap.
    // `attest` tries `_tryFast` first; `attestBatch` runs its items through `_fastBatch`, the same fast path as
    // one loop that keeps the memo on the stack. Both hand anything they refuse to `_attest`.

    /// @dev Per-transaction cache of what consecutive attestations share.
    struct Memo {
        bytes32 separator;
        bytes32 measurementHash;
        uint256 measurementWord;
        address signer;
        uint256 signerWord;
    }

    uint256 private constant MASK8 = 0xff;
    uint256 private constant MASK32 = 0xffffffff;
    uint256 private constant MASK40 = 0xffffffffff;
    uint256 private constant REC_DEADLINE = 80;
    uint256 private constant REC_LAST_REQUEST = 120;
    uint256 private constant REC_MEASUREMENT = 160;
    uint256 private constant REC_TEE = 192;
    uint256 private constant REC_TCB = 200;
    uint256 private constant REC_REVOKED = 208;
    uint256 private constant M_TEE = 32;
    uint256 private constant M_ALLOWED = 40;
    uint256 private constant M_SUNSET = 48;
    uint256 private constant C_MAX_AGE = 24;
    uint256 private constant C_MAX_VALIDITY = 56;
    /// @dev Set in `_relayerWord[r]` while `r` is an authorized relayer; the low bits hold the config copy.
    uint256 private constant RELAYER_FLAG = 1 << 255;
    uint256 private constant SECP256K1_HALF_N = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    /// @dev The common case in one assembly block: one signature, threshold 1, no pending request, every rule
    /// met. Records the attestation and returns true; returns false, having written nothing, whenever
    /// anything is off, and `_attest` then decides (and names the reason). It bails out before recovering
    /// the signature when a request is pending, so fulfilments do not pay for a second ecrecover.
    /// Memo layout: separator, measurementHash, measurementWord, signer, signerWord (0x20 each).
    function _tryFast(Memo memory memo, Attestation calldata a, bytes[] calldata signatures)
        private
        returns (bool recorded)
    {
        if (signatures.length != 1) return false;
        bytes32 typeHash = ATTESTATION_TYPEHASH;
        uint256 m;
        uint256 recSlot;
        uint256 rec;
        uint256 cfg;
        bool signed;
        assembly ("memory-safe") {
            for {} 1 {} {
                let measurementHash := calldataload(add(a, 0x40))
                m := mload(add(memo, 0x40))
                if or(iszero(m), iszero(eq(measurementHash, mload(add(memo, 0x20))))) {
                    mstore(0x00, measurementHash)
                    mstore(0x20, _measurementByHash.slot)
                    m := sload(keccak256(0x00, 0x40))
                    mstore(add(memo, 0x20), measurementHash)
                    mstore(add(memo, 0x40), m)
                }
                // A dirty subject only selects a wrong slot here; _fastCheck rejects it before
                // anything is written.
                mstore(0x00, calldataload(a))
                mstore(0x20, _records.slot)
                recSlot := keccak256(0x00, 0x40)
                rec := sload(recSlot)
                if and(shr(REC_DEADLINE, rec), MASK40) { break }

                let p := mload(0x40)
                mstore(p, typeHash)
                calldatacopy(add(p, 0x20), a, 0x120)
                let structHash := keccak256(p, 0x140)
                mstore(p, shl(240, 0x1901))
                mstore(add(p, 0x02), mload(memo))
                mstore(add(p, 0x22), structHash)
                let digest := keccak256(p, 0x42)

                let sig := add(signatures.offset, calldataload(signatures.offset))
                let s := calldataload(add(sig, 0x40))
                mstore(p, digest)
                mstore(add(p, 0x20), byte(0, calldataload(add(sig, 0x60))))
                mstore(add(p, 0x40), calldataload(add(sig, 0x20)))
                mstore(add(p, 0x60), s)
                let signer := 0
                if and(eq(calldataload(sig), 65), iszero(gt(s, SECP256K1_HALF_N))) {
                    // The precompile returns nothing for an invalid signature (v not 27/28 included).
                    if staticcall(gas(), 1, p, 0x80, 0x00, 0x20) {
                        if eq(returndatasize(), 0x20) { signer := mload(0x00) }
                    }
                }
                cfg := mload(add(memo, 0x80))
                if iszero(eq(signer, mload(add(memo, 0x60)))) {
                    mstore(0x00, signer)
                    mstore(0x20, _relayerWord.slot)
                    cfg := sload(keccak256(0x00, 0x40))
                    if shr(255, cfg) {
                        mstore(add(memo, 0x60), signer)
                        mstore(add(memo, 0x80), cfg)
                    }
                }
                // An authorized relayer signed, and one signature is enough.
                signed := and(iszero(iszero(shr(255, cfg))), iszero(gt(and(cfg, MASK8), 1)))
                break
            }
        }
        // Every other rule is _fastCheck's, the one statement of them for single attestations.
        if (!signed || !_fastCheck(a, m, rec, cfg)) return false;

        bytes32 topic = Attested.selector;
        assembly ("memory-safe") {
            let teeType := calldataload(add(a, 0x20))
            let tcb := calldataload(add(a, 0x60))
            sstore(
                recSlot,
                or(
                    or(
                        or(calldataload(add(a, 0x80)), shl(40, calldataload(add(a, 0xa0)))),
                        and(rec, shl(REC_LAST_REQUEST, MASK40))
                    ),
                    or(shl(REC_MEASUREMENT, and(m, MASK32)), or(shl(REC_TEE, teeType), shl(REC_TCB, tcb)))
                )
            )
            let p := mload(0x40)
            mstore(p, teeType)
            mstore(add(p, 0x20), tcb)
            calldatacopy(add(p, 0x40), add(a, 0x80), 0xa0)
            log3(p, 0xe0, topic, calldataload(a), calldataload(add(a, 0x40)))
        }
        return true;
    }

    /// @dev `_tryFast` for a run of batch items, with the memo's keys and what the rules need from its words
    /// (`derive`) on the stack. Records items `i`, `i + 1`, ... while each passes every rule; returns the index
    /// of the first item it refuses (having written nothing for it), or `n`. A refused item may still be valid
    /// (several signatures, a pending request): the caller hands it to `_attest`, which decides and names the
    /// reason. The checks accept exactly what `_tryFast` accepts, in fewer operations, by leaning on what holds
    /// once the measurement word and the relayer word pass `derive`:
    ///  - teeType == the measurement's TEE type, which `derive` requires to be 1 or 2, covers teeType's range
    ///    and type rules;
    ///  - `tcbMask` has bit t set exactly for the TCB statuses t (0..6) that meet the minimum, so one shift
    ///    covers tcbStatus's range, MAX_TCB_STATUS and the minimum;
    ///  - `lo <= issuedAt <= lo + span` (one wrapping subtraction) is exactly issuedAt <= ts and the age
    ///    limit, and puts issuedAt below 2**63 (`derive` refuses a later clock); then expiresAt <= issuedAt +
    ///    maxValidity keeps expiresAt below 2**64, and expiresAt > ts >= issuedAt gives expiresAt > issuedAt;
    ///  - a signature of the wrong length or with a high s gets no gas for the precompile, so it recovers
    ///    nobody.
    /// Memo layout: separator, measurementHash, measurementWord, signer, signerWord (0x20 each).
    function _fastBatch(Memo memory memo, uint256 aOff, uint256 sOff, uint256 i, uint256 n)
        private
        returns (uint256 next)
    {
        bytes32 typeHash = ATTESTATION_TYPEHASH;
        bytes32 topic = Attested.selector;
        assembly ("memory-safe") {
            // From the measurement word `m` and an authorized relayer's word `cfg` (every authorized relayer's
            // word holds the same config copy): the measurement's TEE type, its record bits (kept at p + 0x260),
            // the TCB mask, the issuedAt window [lo, lo + span] and the validity limit. The mask is zero, so
            // every item is refused, unless `cfg` is an authorized relayer's with threshold <= 1 and the
            // measurement is allowed, of TEE type 1 or 2, and not past its sunset (and the clock is sane).
            function derive(p, m, cfg) -> mTee, tcbMask, lo, span, maxV {
                let ts := timestamp()
                mTee := and(shr(M_TEE, m), MASK8)
                mstore(add(p, 0x260), or(shl(REC_MEASUREMENT, and(m, MASK32)), shl(REC_TEE, mTee)))
                let maxAge := and(shr(C_MAX_AGE, cfg), MASK32)
                if gt(ts, maxAge) { lo := sub(ts, maxAge) }
                span := sub(ts, lo)
                maxV := and(shr(C_MAX_VALIDITY, cfg), MASK32)
                // minTcbSnp sits at bit 8 and minTcbTdx at bit 16 of the config: 8 * teeType.
                let minimum := and(shr(mul(8, mTee), cfg), MASK8)
                // Statuses 0..6 with no minimum, else 1..min(minimum, 6).
                tcbMask := 0x7f
                if minimum { tcbMask := and(sub(shl(add(minimum, 1), 1), 2), 0x7e) }
                let sunset := and(shr(M_SUNSET, m), MASK40)
                let ok := and(shr(255, cfg), iszero(gt(and(cfg, MASK8), 1)))
                ok := and(ok, iszero(iszero(and(shr(M_ALLOWED, m), MASK8))))
                ok := and(ok, or(eq(mTee, 1), eq(mTee, 2)))
                ok := and(ok, or(iszero(sunset), lt(ts, sunset)))
                // Keeps issuedAt + maxV, so an accepted expiresAt, below 2**64.
                ok := and(ok, lt(ts, shl(63, 1)))
                if iszero(ok) { tcbMask := 0 }
            }

            // An item without exactly one signature goes to `_attest` before any setup, so a batch under a
            // threshold above one pays little here.
            next := i
            if lt(i, n) {
                if eq(calldataload(add(sOff, calldataload(add(sOff, shl(5, i))))), 1) {
                    // Scratch: p holds the type hash and the item (struct hash preimage), p + 0x140 the digest
                    // preimage, p + 0x1a0 the ecrecover input, p + 0x220 the memo pointer, p + 0x240 the end of the
                    // signatures head, p + 0x260 the record bits of the measurement. 0x20 holds the records slot
                    // between lookups.
                    let p := mload(0x40)
                    mstore(p, typeHash)
                    mstore(add(p, 0x140), shl(240, 0x1901))
                    mstore(add(p, 0x142), mload(memo))
                    mstore(add(p, 0x220), memo)
                    mstore(add(p, 0x240), add(sOff, shl(5, n)))
                    mstore(0x20, _records.slot)
                    let mhC := mload(add(memo, 0x20))
                    let signerC := mload(add(memo, 0x60))
                    let mTee, tcbMask, lo, span, maxV := derive(p, mload(add(memo, 0x40)), mload(add(memo, 0x80)))

                    let a := add(aOff, mul(i, 0x120))
                    let sh := add(sOff, shl(5, i))
                    for {} lt(sh, mload(add(p, 0x240))) {
                        sh := add(sh, 0x20)
                        a := add(a, 0x120)
                    } {
                        let sp := add(sOff, calldataload(sh))
                        // A dirty subject only selects a wrong slot here; the range check below rejects it before
                        // anything is written.
                        mstore(0x00, calldataload(a))
                        let recSlot := keccak256(0x00, 0x40)
                        let rec := sload(recSlot)
                        // Not one signature, a pending request or a revoked subject: the general path, without
                        // recovering the signature here first.
                        if or(
                            xor(calldataload(sp), 1),
                            and(rec, or(shl(REC_DEADLINE, MASK40), shl(REC_REVOKED, MASK8)))
                        ) {
                            break
                        }
                        let mh := calldataload(add(a, 0x40))
                        if xor(mh, mhC) {
                            let memo_ := mload(add(p, 0x220))
                            mstore(0x00, mh)
                            mstore(0x20, _measurementByHash.slot)
                            let m := sload(keccak256(0x00, 0x40))
                            mstore(0x20, _records.slot)
                            mhC := mh
                            mstore(add(memo_, 0x20), mh)
                            mstore(add(memo_, 0x40), m)
                            mTee, tcbMask, lo, span, maxV := derive(p, m, mload(add(memo_, 0x80)))
                        }

                        calldatacopy(add(p, 0x20), a, 0x120)
                        mstore(add(p, 0x162), keccak256(p, 0x140))
                        mstore(add(p, 0x1a0), keccak256(add(p, 0x140), 0x42))
                        let sig := add(add(sp, 0x20), calldataload(add(sp, 0x20)))
                        calldatacopy(add(p, 0x1e0), add(sig, 0x20), 0x40)
                        mstore(add(p, 0x1c0), byte(0, calldataload(add(sig, 0x60))))
                        // A signature that is not 65 bytes or has a high s gets no gas, so the call fails. The
                        // precompile returns nothing for an invalid signature either (v not 27/28 included). Both
                        // leave no signer.
                        pop(
                            staticcall(
                                mul(
                                    gas(),
                                    and(eq(calldataload(sig), 65), iszero(gt(mload(add(p, 0x200)), SECP256K1_HALF_N)))
                                ),
                                1,
                                add(p, 0x1a0),
                                0x80,
                                0x00,
                                0x20
                            )
                        )
                        let signer := mul(mload(0x00), eq(returndatasize(), 0x20))
                        if xor(signer, signerC) {
                            // No signer, or not an authorized relayer.
                            if iszero(signer) { break }
                            mstore(0x00, signer)
                            mstore(0x20, _relayerWord.slot)
                            let w := sload(keccak256(0x00, 0x40))
                            mstore(0x20, _records.slot)
                            if iszero(shr(255, w)) { break }
                            signerC := signer
                            let memo_ := mload(add(p, 0x220))
                            mstore(add(memo_, 0x60), signer)
                            mstore(add(memo_, 0x80), w)
                            mTee, tcbMask, lo, span, maxV := derive(p, mload(add(memo_, 0x40)), w)
                        }

                        let subject := calldataload(a)
                        let tcb := calldataload(add(a, 0x60))
                        let issuedAt := calldataload(add(a, 0x80))
                        let expiresAt := calldataload(add(a, 0xa0))
                        let bad := gt(sub(subject, 1), 0xfffffffffffffffffffffffffffffffffffffffe)
                        bad := or(bad, xor(calldataload(add(a, 0x20)), mTee))
                        bad := or(bad, iszero(and(shr(tcb, tcbMask), 1)))
                        // lo <= issuedAt <= ts, exactly: so issuedAt < 2**64, and expiresAt below its cap is too.
                        bad := or(bad, gt(sub(issuedAt, lo), span))
                        bad := or(bad, gt(expiresAt, add(issuedAt, maxV)))
                        bad := or(bad, iszero(gt(expiresAt, timestamp())))
                        bad := or(bad, iszero(gt(issuedAt, and(rec, MASK40))))
                        if bad { break }

                        sstore(
                            recSlot,
                            or(
                                or(issuedAt, shl(40, expiresAt)),
                                or(and(rec, shl(REC_LAST_REQUEST, MASK40)), or(mload(add(p, 0x260)), shl(REC_TCB, tcb)))
                            )
                        )
                        // Attested's data: teeType, tcbStatus, issuedAt, expiresAt, nonce, quoteHash, appData, which
                        // is the item's copy from tcbStatus on with teeType over its measurementHash.
                        mstore(add(p, 0x60), mTee)
                        log3(add(p, 0x60), 0xe0, topic, subject, mh)
                    }
                    next := shr(5, sub(sh, sOff))
                }
            }
        }
    }

    /// @dev Checks and records one attestation. With `strict` a failing check reverts with its custom error;
    /// without it the error's selector is returned and nothing is written.
    function _attest(Memo memory memo, Attestation calldata a, bytes[] calldata signatures, bool strict)
        private
        returns (bytes4)
    {
        bytes32 measurementHash = a.measurementHash;
        uint256 m;
        if (measurementHash == memo.measurementHash && memo.measurementWord != 0) {
            m = memo.measurementWord;
        } else {
            m = _word(_measurementByHash[measurementHash]);
            (memo.measurementHash, memo.measurementWord) = (measurementHash, m);
        }
        uint256 subject;
        assembly ("memory-safe") {
            subject := calldataload(a)
        }
        Record storage slot = _records[address(uint160(subject))];
        uint256 rec = _word(slot);

        (uint256 cfg, bytes memory sigErr) = _verifySignatures(memo, _digest(memo.separator, a), signatures);
        bool pending = (rec >> REC_DEADLINE) & MASK40 != 0;
        if (
            sigErr.length != 0 || !_fastCheck(a, m, rec, cfg)
                || (pending && a.nonce != _requestNonce[address(uint160(subject))])
        ) {
            bytes memory reason = _diagnose(a, m, rec);
            if (reason.length == 0) reason = sigErr;
            // Unreachable unless _fastCheck and _diagnose disagree; fail closed.
            if (reason.length == 0) reason = abi.encodeWithSelector(MalformedAttestation.selector);
            return _fail(strict, reason);
        }

        // Effects. A fulfilled request is cleared; lastRequestAt stays so the cooldown still holds.
        assembly ("memory-safe") {
            let teeType := calldataload(add(a, 0x20))
            let tcbStatus := calldataload(add(a, 0x60))
            let issuedAt := calldataload(add(a, 0x80))
            let expiresAt := calldataload(add(a, 0xa0))
            let word :=
                or(
                    or(or(issuedAt, shl(40, expiresAt)), and(rec, shl(REC_LAST_REQUEST, MASK40))),
                    or(shl(REC_MEASUREMENT, and(m, MASK32)), or(shl(REC_TEE, teeType), shl(REC_TCB, tcbStatus)))
                )
            sstore(slot.slot, word)
        }
        if (pending) delete _requestNonce[address(uint160(subject))];

        // emit Attested(subject, measurementHash, teeType, tcbStatus, issuedAt, expiresAt, nonce, quoteHash,
        // appData): the non-indexed fields are the attestation's own (range-checked) calldata words.
        bytes32 topic = Attested.selector;
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore(p, calldataload(add(a, 0x20)))
            mstore(add(p, 0x20), calldataload(add(a, 0x60)))
            calldatacopy(add(p, 0x40), add(a, 0x80), 0xa0)
            log3(p, 0xe0, topic, subject, measurementHash)
        }
        return bytes4(0);
    }

    /// @dev True when `a` passes every rule but the signature and nonce ones, given the measurement word
    /// `m`, the subject's record word `rec` and the hot config `cfg`. Branch-free on purpose; `_diagnose`
    /// states the same rules one by one and must agree with it.
    function _fastCheck(Attestation calldata a, uint256 m, uint256 rec, uint256 cfg) private view returns (bool ok) {
        assembly ("memory-safe") {
            let subject := calldataload(a)
            let teeType := calldataload(add(a, 0x20))
            let tcb := calldataload(add(a, 0x60))
            let issuedAt := calldataload(add(a, 0x80))
            let expiresAt := calldataload(add(a, 0xa0))
            let ts := timestamp()
            // Fields fit their ABI types.
            let bad :=
                or(or(shr(160, subject), shr(8, teeType)), or(shr(8, tcb), or(shr(64, issuedAt), shr(64, expiresAt))))
            bad := or(bad, iszero(subject))
            bad := or(bad, iszero(or(eq(teeType, 1), eq(teeType, 2))))
            bad := or(bad, gt(tcb, 6))
            // Freshness and validity.
            bad := or(bad, gt(issuedAt, ts))
            bad := or(bad, gt(sub(ts, issuedAt), and(shr(C_MAX_AGE, cfg), MASK32)))
            bad := or(bad, iszero(gt(expiresAt, issuedAt)))
            bad := or(bad, gt(expiresAt, add(issuedAt, and(shr(C_MAX_VALIDITY, cfg), MASK32))))
            bad := or(bad, iszero(gt(expiresAt, ts)))
            // Measurement allowed, for this TEE type, not past its sunset.
            bad := or(bad, iszero(and(shr(M_ALLOWED, m), MASK8)))
            bad := or(bad, iszero(eq(and(shr(M_TEE, m), MASK8), teeType)))
            let sunset := and(shr(M_SUNSET, m), MASK40)
            bad := or(bad, and(iszero(iszero(sunset)), iszero(lt(ts, sunset))))
            // TCB status meets the minimum for the TEE type (minTcbSnp at bit 8, minTcbTdx at bit 16).
            let minimum := and(shr(mul(8, teeType), cfg), MASK8)
            bad := or(bad, and(iszero(iszero(minimum)), or(iszero(tcb), gt(tcb, minimum))))
            // Subject not revoked; newer than its current record.
            bad := or(bad, and(shr(REC_REVOKED, rec), MASK8))
            bad := or(bad, iszero(gt(issuedAt, and(rec, MASK40))))
            ok := iszero(bad)
        }
    }

    /// @dev Names the first rule (in docs/protocol.md order) that `a` breaks, or returns empty when only its
    /// signatures can be at fault. Off the hot path: it reads the config from its own slot.
    function _diagnose(Attestation calldata a, uint256 m, uint256 rec) private view returns (bytes memory) {
        uint256 subject;
        uint256 teeType;
        uint256 tcbStatus;
        uint256 issuedAt;
        uint256 expiresAt;
        assembly ("memory-safe") {
            subject := calldataload(a)
            teeType := calldataload(add(a, 0x20))
            tcbStatus := calldataload(add(a, 0x60))
            issuedAt := calldataload(add(a, 0x80))
            expiresAt := calldataload(add(a, 0xa0))
        }
        if ((subject >> 160) | (teeType >> 8) | (tcbStatus >> 8) | (issuedAt >> 64) | (expiresAt >> 64) != 0) {
            return abi.encodeWithSelector(MalformedAttestation.selector);
        }
        Config memory c = _config;
        if (subject == 0) return abi.encodeWithSelector(ZeroSubject.selector);
        if (teeType != TEE_SEV_SNP && teeType != TEE_TDX) {
            return abi.encodeWithSelector(InvalidTeeType.selector, uint8(teeType));
        }
        if (tcbStatus > MAX_TCB_STATUS) return abi.encodeWithSelector(InvalidTcbStatus.selector, uint8(tcbStatus));
        if (issuedAt > block.timestamp) {
            return abi.encodeWithSelector(IssuedInFuture.selector, uint64(issuedAt), block.timestamp);
        }
        if (block.timestamp - issuedAt > c.maxAttestationAge) {
            return
                abi.encodeWithSelector(
                    AttestationTooOld.selector, uint64(issuedAt), block.timestamp, c.maxAttestationAge
                );
        }
        if (expiresAt <= issuedAt) {
            return abi.encodeWithSelector(InvalidExpiry.selector, uint64(issuedAt), uint64(expiresAt));
        }
        uint256 cap = issuedAt + c.maxValidity;
        if (expiresAt > cap) return abi.encodeWithSelector(ExpiryBeyondCap.selector, uint64(expiresAt), uint64(cap));
        if (expiresAt <= block.timestamp) {
            return abi.encodeWithSelector(AlreadyExpired.selector, uint64(expiresAt), block.timestamp);
        }
        bytes32 measurementHash = a.measurementHash;
        if ((m >> M_ALLOWED) & MASK8 == 0) {
            return abi.encodeWithSelector(MeasurementNotAllowed.selector, measurementHash);
        }
        uint256 allowedTee = (m >> M_TEE) & MASK8;
        if (allowedTee != teeType) {
            return abi.encodeWithSelector(
                MeasurementTeeTypeMismatch.selector, measurementHash, uint8(allowedTee), uint8(teeType)
            );
        }
        uint256 sunsetAt = (m >> M_SUNSET) & MASK40;
        if (sunsetAt != 0 && block.timestamp >= sunsetAt) {
            return abi.encodeWithSelector(MeasurementSunsetPassed.selector, measurementHash, uint64(sunsetAt));
        }
        uint8 minimum = teeType == TEE_SEV_SNP ? c.minTcbSnp : c.minTcbTdx;
        if (!_tcbMeets(uint8(tcbStatus), minimum)) {
            return abi.encodeWithSelector(TcbStatusBelowMinimum.selector, uint8(tcbStatus), minimum);
        }
        if ((rec >> REC_REVOKED) & MASK8 != 0) {
            return abi.encodeWithSelector(SubjectRevoked.selector, address(uint160(subject)));
        }
        uint256 current = rec & MASK40;
        if (issuedAt <= current) {
            return abi.encodeWithSelector(StaleAttestation.selector, uint64(issuedAt), uint64(current));
        }
        if ((rec >> REC_DEADLINE) & MASK40 != 0) {
            bytes32 want = _requestNonce[address(uint160(subject))];
            if (a.nonce != want) return abi.encodeWithSelector(NonceMismatch.selector, a.nonce, want);
        }
        return "";
    }

    /// @dev Recovers the signers of `digest` and returns the hot config from the first signer's relayer word,
    /// or the encoded custom error for the first bad signature. At least `threshold` distinct authorized
    /// relayers must have signed.
    function _verifySignatures(Memo memory memo, bytes32 digest, bytes[] calldata signatures)
        private
        view
        returns (uint256 cfg, bytes memory err)
    {
        uint256 n = signatures.length;
        if (n == 0) return (0, abi.encodeWithSelector(TooFewSignatures.selector, 0, _config.threshold));
        if (n == 1) {
            // The common case (one relayer signs, threshold 1) without the generic loop's decoding. A bad
            // offset or length reads zeros past the calldata end, which fails as an invalid signature below.
            address signer;
            bool malleable;
            assembly ("memory-safe") {
                let sig := add(signatures.offset, calldataload(signatures.offset))
                let r := calldataload(add(sig, 0x20))
                let s := calldataload(add(sig, 0x40))
                let v := byte(0, calldataload(add(sig, 0x60)))
                malleable := gt(s, SECP256K1_HALF_N)
                let p := mload(0x40)
                mstore(p, digest)
                mstore(add(p, 0x20), v)
                mstore(add(p, 0x40), r)
                mstore(add(p, 0x60), s)
                let ok := staticcall(gas(), 1, p, 0x80, p, 0x20)
                // The precompile returns nothing for an invalid signature (v not 27/28 included).
                signer := mul(mload(p), and(and(ok, eq(returndatasize(), 0x20)), eq(calldataload(sig), 65)))
            }
            if (malleable) return (0, abi.encodeWithSelector(HighSSignature.selector, 0));
            if (signer == address(0)) return (0, abi.encodeWithSelector(InvalidSignature.selector, 0));
            if (signer == memo.signer) {
                cfg = memo.signerWord;
            } else {
                cfg = _relayerWord[signer];
                if (cfg & RELAYER_FLAG == 0) return (0, abi.encodeWithSelector(UnauthorizedSigner.selector, signer));
                (memo.signer, memo.signerWord) = (signer, cfg);
            }
            if (cfg & MASK8 > 1) return (0, abi.encodeWithSelector(TooFewSignatures.selector, 1, uint8(cfg & MASK8)));
            return (cfg, "");
        }
        address[] memory seen;
        if (n > 1) seen = new address[](n);
        for (uint256 i; i < n; ++i) {
            bytes calldata sig = signatures[i];
            if (sig.length != 65) return (0, abi.encodeWithSelector(InvalidSignature.selector, i));
            bytes32 r;
            bytes32 s;
            uint256 v;
            assembly ("memory-safe") {
                r := calldataload(sig.offset)
                s := calldataload(add(sig.offset, 0x20))
                v := byte(0, calldataload(add(sig.offset, 0x40)))
            }
            // EIP-2: only the lower half of s, so each signature has one encoding.
            if (uint256(s) > SECP256K1_HALF_N) return (0, abi.encodeWithSelector(HighSSignature.selector, i));
            if (v != 27 && v != 28) return (0, abi.encodeWithSelector(InvalidSignature.selector, i));
            address signer = ecrecover(digest, uint8(v), r, s);
            if (signer == address(0)) return (0, abi.encodeWithSelector(InvalidSignature.selector, i));
            uint256 word;
            if (signer == memo.signer) {
                word = memo.signerWord;
            } else {
                word = _relayerWord[signer];
                if (word & RELAYER_FLAG == 0) return (0, abi.encodeWithSelector(UnauthorizedSigner.selector, signer));
                (memo.signer, memo.signerWord) = (signer, word);
            }
            if (i == 0) cfg = word;
            if (n > 1) {
                for (uint256 j; j < i; ++j) {
                    if (seen[j] == signer) return (0, abi.encodeWithSelector(DuplicateSigner.selector, signer));
                }
                seen[i] = signer;
            }
        }
        uint256 threshold = cfg & MASK8;
        if (n < threshold) return (0, abi.encodeWithSelector(TooFewSignatures.selector, n, uint8(threshold)));
    }

    function _word(Record storage r) private view returns (uint256 w) {
        assembly ("memory-safe") {
            w := sload(r.slot)
        }
    }

    function _word(Measurement storage m) private view returns (uint256 w) {
        assembly ("memory-safe") {
            w := sload(m.slot)
        }
    }

    function _fail(bool strict, bytes memory reason) private pure returns (bytes4) {
        if (strict) {
            assembly ("memory-safe") {
                revert(add(reason, 0x20), mload(reason))
            }
        }
        return bytes4(reason);
    }

    /// @dev EIP-712 digest of `a` under `separator`. Hashes the attestation's calldata words as they are:
    /// a field with dirty high bits changes the digest, so such a signature recovers nobody authorized, and
    /// `_fastCheck` rejects the attestation anyway.
    function _digest(bytes32 separator, Attestation calldata a) private pure returns (bytes32 digest) {
        bytes32 typeHash = ATTESTATION_TYPEHASH;
        assembly ("memory-safe") {
            let p := mload(0x40)
            mstore(p, typeHash)
            calldatacopy(add(p, 0x20), a, 0x120)
            let structHash := keccak256(p, 0x140)
            mstore(p, hex"1901")
            mstore(add(p, 0x02), separator)
            mstore(add(p, 0x22), structHash)
            digest := keccak256(p, 0x42)
        }
    }

    /// @notice The EIP-712 digest relayers sign for `a` on this registry and chain.
    /// @dev Written the plain way on purpose: it is the reference the assembly in `_digest` must agree with.
    function hashAttestation(Attestation calldata a) external view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(
                abi.encode(
                    ATTESTATION_TYPEHASH,
                    a.subject,
                    a.teeType,
                    a.measurementHash,
                    a.tcbStatus,
                    a.issuedAt,
                    a.expiresAt,
                    a.nonce,
                    a.quoteHash,
                    a.appData
                )
            )
        );
    }

    // ---------------------------------------------------------------- consumer views

    /// @inheritdoc IAttestationRegistry
    function isAttested(address subject) public view returns (bool) {
        return _isAttested(_word(_records[subject]));
    }

    /// @inheritdoc IAttestationRegistry
    function isAttestedFor(address subject, bytes32 measurementHash) external view returns (bool) {
        uint256 rec = _word(_records[subject]);
        uint256 id = (rec >> REC_MEASUREMENT) & MASK32;
        return id != 0 && _word(_measurementByHash[measurementHash]) & MASK32 == id && _isAttested(rec);
    }

    /// @dev The consumer check on a raw record word (layout in "the hot path"): three cold reads in all.
    function _isAttested(uint256 rec) private view returns (bool ok) {
        uint256 m = _word(_measurementById[uint32((rec >> REC_MEASUREMENT) & MASK32)]);
        uint256 cfg = _loadConfig();
        assembly ("memory-safe") {
            let ts := timestamp()
            let issuedAt := and(rec, MASK40)
            let deadline := and(shr(REC_DEADLINE, rec), MASK40)
            let sunset := and(shr(M_SUNSET, m), MASK40)
            let tcb := and(shr(REC_TCB, rec), MASK8)
            // minTcbSnp sits at bit 8 and minTcbTdx at bit 16 of the config: 8 * teeType.
            let minimum := and(shr(mul(8, and(shr(REC_TEE, rec), MASK8)), cfg), MASK8)
            let bad := or(iszero(issuedAt), and(shr(REC_REVOKED, rec), MASK8))
            bad := or(bad, iszero(lt(ts, and(shr(40, rec), MASK40))))
            bad := or(bad, and(iszero(iszero(deadline)), gt(ts, deadline)))
            bad := or(bad, iszero(and(shr(M_ALLOWED, m), MASK8)))
            bad := or(bad, and(iszero(iszero(sunset)), iszero(lt(ts, sunset))))
            bad := or(bad, and(iszero(iszero(minimum)), or(iszero(tcb), gt(tcb, minimum))))
            ok := iszero(bad)
        }
    }

    /// @dev docs/protocol.md section 2: `status` meets `minimum` when the minimum is 0 or 1 <= status <= minimum.
    function _tcbMeets(uint8 status, uint8 minimum) private pure returns (bool) {
        return minimum == 0 || (status != 0 && status <= minimum);
    }

    /// @inheritdoc IAttestationRegistry
    function attestationOf(address subject) external view returns (AttestationRecord memory rec) {
        Record memory r = _records[subject];
        rec = AttestationRecord({
            teeType: r.teeType,
            tcbStatus: r.tcbStatus,
            measurementHash: _measurementHashById[r.measurementId],
            issuedAt: r.issuedAt,
            expiresAt: r.expiresAt,
            revoked: r.revoked,
            pendingNonce: r.requestDeadline != 0 ? _requestNonce[subject] : bytes32(0),
            pendingDeadline: r.requestDeadline
        });
    }

    // ---------------------------------------------------------------- re-attestation

    /// @notice Asks the relayers for fresh evidence from `subject` bound to a new nonce. Until an attestation
    /// with that nonce lands, only it is accepted; after `deadline`, `isAttested(subject)` is false.
    /// @dev Callable by governors, requesters and the subject itself; at most once per `cooldown` per subject.
    /// The nonce mixes in `block.prevrandao`, so nobody can know it before the block.
    function requestReattestation(address subject) external returns (bytes32 nonce) {
        if (msg.sender != subject && !hasRole(REQUESTER_ROLE, msg.sender) && !hasRole(GOVERNOR_ROLE, msg.sender)) {
            revert NotRequester(msg.sender);
        }
        Record memory r = _records[subject];
        if (r.issuedAt == 0) revert NotAttestedSubject(subject);
        if (r.revoked) revert SubjectRevoked(subject);
        // An open request blocks a new one even after its deadline: a new deadline would make an overdue
        // subject attested again without fresh evidence. Only an attestation with the pending nonce clears it.
        if (r.requestDeadline != 0) revert RequestPending(subject, r.requestDeadline);
        Config memory c = _config;
        if (r.lastRequestAt != 0 && block.timestamp < uint256(r.lastRequestAt) + c.cooldown) {
            revert RequestCooldown(subject, uint64(r.lastRequestAt) + c.cooldown);
        }
        // The record's issuedAt changes with every answer, so a request filed in the same block as the
        // answer to the previous one still gets a fresh nonce.
        nonce = keccak256(abi.encode(block.prevrandao, blockhash(block.number - 1), address(this), subject, r.issuedAt));
        uint64 deadline = uint64(block.timestamp) + c.responseWindow;
        r.requestDeadline = uint40(deadline);
        r.lastRequestAt = uint40(block.timestamp);
        _records[subject] = r;
        _requestNonce[subject] = nonce;
        emit ReattestationRequested(subject, nonce, deadline);
    }

    // ---------------------------------------------------------------- governance

    /// @notice Allows `measurementHash` for `teeType` (re-allowing a revoked or sunset one clears its sunset).
    function allowMeasurement(bytes32 measurementHash, uint8 teeType) external onlyRole(GOVERNOR_ROLE) {
        if (teeType != TEE_SEV_SNP && teeType != TEE_TDX) revert InvalidTeeType(teeType);
        Measurement memory m = _measurementByHash[measurementHash];
        if (m.id == 0) {
            if (_measurementCount == type(uint32).max) revert MeasurementIdsExhausted();
            m.id = ++_measurementCount;
            _measurementHashById[m.id] = measurementHash;
        } else if (m.teeType != teeType) {
            revert MeasurementTeeTypeMismatch(measurementHash, m.teeType, teeType);
        }
        m.teeType = teeType;
        m.allowed = true;
        m.sunsetAt = 0;
        _setMeasurement(measurementHash, m);
        emit MeasurementAllowed(measurementHash, teeType);
    }

    /// @notice Disallows `measurementHash` at once: every subject attested under it stops being attested.
    function revokeMeasurement(bytes32 measurementHash) external onlyRole(GOVERNOR_ROLE) {
        Measurement memory m = _measurementByHash[measurementHash];
        if (!m.allowed) revert MeasurementNotAllowed(measurementHash);
        m.allowed = false;
        _setMeasurement(measurementHash, m);
        emit MeasurementRevoked(measurementHash);
    }

    /// @notice Retires `measurementHash` at time `sunsetAt` (not in the past): until then it works as before, which
    /// gives workloads a grace period to move to a new image.
    function sunsetMeasurement(bytes32 measurementHash, uint64 sunsetAt) external onlyRole(GOVERNOR_ROLE) {
        Measurement memory m = _measurementByHash[measurementHash];
        if (!m.allowed) revert MeasurementNotAllowed(measurementHash);
        // A passed sunset is final (re-allow with allowMeasurement); "now" would be a revoke
        // without its event (use revokeMeasurement).
        if (m.sunsetAt != 0 && block.timestamp >= m.sunsetAt) {
            revert MeasurementSunsetPassed(measurementHash, m.sunsetAt);
        }
        if (sunsetAt <= block.timestamp || sunsetAt > type(uint40).max) revert SunsetOutOfRange(sunsetAt);
        m.sunsetAt = uint40(sunsetAt);
        _setMeasurement(measurementHash, m);
        emit MeasurementSunset(measurementHash, sunsetAt);
    }

    function _setMeasurement(bytes32 measurementHash, Measurement memory m) private {
        _measurementByHash[measurementHash] = m;
        _measurementById[m.id] = m;
    }

    /// @notice Revokes `subject` for good: it is no longer attested and no later attestation is accepted for
    /// it (the workload must attest a new key).
    function revoke(address subject) external onlyRole(GOVERNOR_ROLE) {
        if (subject == address(0)) revert ZeroSubject();
        _records[subject].revoked = true;
        emit AttestationRevoked(subject);
    }

    /// @notice Replaces the relayer set; `threshold` distinct relayers must sign each attestation.
    function setRelayers(address[] calldata relayers, uint8 threshold) external onlyRole(GOVERNOR_ROLE) {
        _setRelayers(relayers, threshold);
    }

    function _setRelayers(address[] memory relayers, uint8 threshold) private {
        if (threshold == 0 || threshold > relayers.length) revert InvalidRelayerSet(relayers.length, threshold);
        for (uint256 i; i < _relayers.length; ++i) {
            delete _relayerWord[_relayers[i]];
        }
        for (uint256 i; i < relayers.length; ++i) {
            address rel = relayers[i];
            if (rel == address(0)) revert ZeroRelayer();
            if (_relayerWord[rel] != 0) revert DuplicateRelayer(rel);
            _relayerWord[rel] = RELAYER_FLAG;
        }
        _relayers = relayers;
        _config.threshold = threshold;
        _syncRelayerWords();
        emit RelayersUpdated(relayers, threshold);
    }

    /// @dev Copies the hot config into every relayer's word (see "the hot path"). Governance only; its cost
    /// grows with the relayer set.
    function _syncRelayerWords() private {
        uint256 word = RELAYER_FLAG | _loadConfig();
        for (uint256 i; i < _relayers.length; ++i) {
            _relayerWord[_relayers[i]] = word;
        }
    }

    function _loadConfig() private view returns (uint256 cfg) {
        assembly ("memory-safe") {
            cfg := sload(_config.slot)
        }
    }

    /// @notice Sets the minimum TCB status for `teeType` (0: none). Subjects below it stop being attested.
    function setMinTcbStatus(uint8 teeType, uint8 status) external onlyRole(GOVERNOR_ROLE) {
        if (status > MAX_TCB_STATUS) revert InvalidTcbStatus(status);
        if (teeType == TEE_SEV_SNP) _config.minTcbSnp = status;
        else if (teeType == TEE_TDX) _config.minTcbTdx = status;
        else revert InvalidTeeType(teeType);
        _syncRelayerWords();
        emit MinTcbStatusUpdated(teeType, status);
    }

    /// @notice Sets the freshness and validity limits, in seconds.
    /// @param maxAttestationAge How old `issuedAt` may be when posted.
    /// @param maxValidity Cap on `expiresAt - issuedAt`.
    /// @param responseWindow Time a subject has to answer a re-attestation request.
    /// @param cooldown Minimum time between two requests for one subject.
    function setLimits(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown)
        external
        onlyRole(GOVERNOR_ROLE)
    {
        _setLimits(maxAttestationAge, maxValidity, responseWindow, cooldown);
    }

    function _setLimits(uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown) private {
        if (maxAttestationAge == 0 || maxValidity == 0 || responseWindow == 0) revert InvalidLimits();
        Config memory c = _config;
        c.maxAttestationAge = maxAttestationAge;
        c.maxValidity = maxValidity;
        c.responseWindow = responseWindow;
        c.cooldown = cooldown;
        _config = c;
        _syncRelayerWords();
        emit LimitsUpdated(maxAttestationAge, maxValidity, responseWindow, cooldown);
    }

    // ---------------------------------------------------------------- governance views

    /// @notice The relayer set and threshold.
    function relayerSet() external view returns (address[] memory relayers, uint8 threshold) {
        return (_relayers, _config.threshold);
    }

    function isRelayer(address account) external view returns (bool) {
        return _relayerWord[account] & RELAYER_FLAG != 0;
    }

    /// @notice Freshness and validity limits, in seconds.
    function limits()
        external
        view
        returns (uint32 maxAttestationAge, uint32 maxValidity, uint32 responseWindow, uint32 cooldown)
    {
        Config memory c = _config;
        return (c.maxAttestationAge, c.maxValidity, c.responseWindow, c.cooldown);
    }

    /// @notice The minimum TCB status for `teeType` (0: none).
    function minTcbStatus(uint8 teeType) external view returns (uint8) {
        if (teeType == TEE_SEV_SNP) return _config.minTcbSnp;
        if (teeType == TEE_TDX) return _config.minTcbTdx;
        revert InvalidTeeType(teeType);
    }

    /// @notice A measurement's allowlist entry; `id` is 0 when it was never allowed.
    function measurementOf(bytes32 measurementHash)
        external
        view
        returns (uint32 id, uint8 teeType, bool allowed, uint64 sunsetAt)
    {
        Measurement memory m = _measurementByHash[measurementHash];
        return (m.id, m.teeType, m.allowed, m.sunsetAt);
    }
}
