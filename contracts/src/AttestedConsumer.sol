// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IAttestationRegistry} from "./IAttestationRegistry.sol";

/// @title AttestedKeys
/// @notice Checks for consumer contracts: revert unless a key is attested by a teeoracle registry.
library AttestedKeys {
    /// @notice `subject` is not attested by the registry (no record, expired, revoked, measurement no
    /// longer allowed, TCB below the minimum, or an overdue re-attestation request).
    error NotAttested(address subject);
    /// @notice `subject` is not attested under `measurementHash`.
    error NotAttestedFor(address subject, bytes32 measurementHash);

    /// @notice Reverts with `NotAttested` unless `registry.isAttested(subject)`.
    function requireAttested(IAttestationRegistry registry, address subject) internal view {
        if (!registry.isAttested(subject)) revert NotAttested(subject);
    }

    /// @notice Reverts with `NotAttestedFor` unless `registry.isAttestedFor(subject, measurementHash)`.
    function requireAttestedFor(IAttestationRegistry registry, address subject, bytes32 measurementHash) internal view {
        if (!registry.isAttestedFor(subject, measurementHash)) revert NotAttestedFor(subject, measurementHash);
    }
}

/// @title AttestedConsumer
/// @notice Base for contracts that gate calls on attested keys. Set `requiredMeasurement` to pin one
/// workload image; leave it zero to accept any measurement the registry allows.
abstract contract AttestedConsumer {
    using AttestedKeys for IAttestationRegistry;

    /// @notice The registry consulted on every gated call.
    IAttestationRegistry public immutable attestationRegistry;

    constructor(IAttestationRegistry registry) {
        attestationRegistry = registry;
    }

    /// @notice Runs the body only when `key` is attested (for `measurement` when nonzero).
    modifier onlyAttested(address key, bytes32 measurement) {
        _requireAttested(key, measurement);
        _;
    }

    function _requireAttested(address key, bytes32 measurement) internal view {
        if (measurement == bytes32(0)) attestationRegistry.requireAttested(key);
        else attestationRegistry.requireAttestedFor(key, measurement);
    }
}
