// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

/// @title IAttestationRegistry
/// @notice What consumers of teeoracle need: the attestation type, the consumer views and the
/// events. The protocol is fixed in docs/protocol.md (sections 2-5).
interface IAttestationRegistry {
    /// @notice A relayer-verified attestation of a TEE subject key (EIP-712 type `Attestation`).
    struct Attestation {
        address subject;
        uint8 teeType;
        bytes32 measurementHash;
        uint8 tcbStatus;
        uint64 issuedAt;
        uint64 expiresAt;
        bytes32 nonce;
        bytes32 quoteHash;
        bytes32 appData;
    }

    /// @notice A subject's current record as `attestationOf` returns it.
    struct AttestationRecord {
        uint8 teeType;
        uint8 tcbStatus;
        bytes32 measurementHash;
        uint64 issuedAt;
        uint64 expiresAt;
        bool revoked;
        bytes32 pendingNonce;
        uint64 pendingDeadline;
    }

    event Attested(
        address indexed subject,
        bytes32 indexed measurementHash,
        uint8 teeType,
        uint8 tcbStatus,
        uint64 issuedAt,
        uint64 expiresAt,
        bytes32 nonce,
        bytes32 quoteHash,
        bytes32 appData
    );
    event ReattestationRequested(address indexed subject, bytes32 nonce, uint64 deadline);
    event AttestationRevoked(address indexed subject);

    /// @notice True only if `subject` has a record that is unexpired, unrevoked, under a measurement that is
    /// still allowed, with a TCB status meeting the current minimum, and without an overdue re-attestation
    /// request. Fails closed.
    function isAttested(address subject) external view returns (bool);

    /// @notice `isAttested(subject)` and the record's measurement equals `measurementHash`.
    function isAttestedFor(address subject, bytes32 measurementHash) external view returns (bool);

    /// @notice The subject's record; all zero when there is none.
    function attestationOf(address subject) external view returns (AttestationRecord memory);
}
