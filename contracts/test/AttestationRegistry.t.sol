// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {vm, Vm} from "./Vm.sol";
import {RegistryFixture, Sig} from "./RegistryFixture.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/IAttestationRegistry.sol";

/// @notice Unit tests: every rejection reason with its exact custom error, plus the happy paths, events and views.
contract AttestationRegistryTest is RegistryFixture {
    // ---------------------------------------------------------------- helpers

    /// @dev `attest` reverts with exactly `err` and changes nothing; `attestBatch` skips the same item with the
    /// same reason (returned and emitted) and changes nothing either.
    function _expectRejected(IAttestationRegistry.Attestation memory a, bytes[] memory sigs, bytes memory err)
        internal
    {
        bytes32 before = _recordHash(a.subject);
        bool attestedBefore = registry.isAttested(a.subject);
        vm.expectRevert(err);
        registry.attest(a, sigs);
        assertEq(_recordHash(a.subject), before, "attest changed the record");

        bytes[][] memory ss = new bytes[][](1);
        ss[0] = sigs;
        vm.expectEmit(address(registry));
        emit AttestationRegistry.AttestationRejected(a.subject, 0, bytes4(err));
        bytes4[] memory reasons = registry.attestBatch(_one(a), ss);
        assertEq(reasons.length, 1, "reasons length");
        assertEq(bytes32(reasons[0]), bytes32(bytes4(err)), "batch reason selector");
        assertEq(_recordHash(a.subject), before, "attestBatch changed the record");
        assertEq(registry.isAttested(a.subject), attestedBefore, "isAttested changed");
    }

    function _expectRejected(IAttestationRegistry.Attestation memory a, bytes memory err) internal {
        _expectRejected(a, _sigs(a, 2), err);
    }

    function _notGovernor(address who) internal pure returns (bytes memory) {
        return abi.encodeWithSelector(
            IAccessControl.AccessControlUnauthorizedAccount.selector, who, keccak256("teeoracle.role.governor")
        );
    }

    function _request(address who) internal returns (bytes32 nonce) {
        nonce = registry.requestReattestation(who);
    }

    // ---------------------------------------------------------------- hashing

    function test_hashAttestation_matchesIndependentDigest() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        assertEq(registry.hashAttestation(a), Sig.digest(a, block.chainid, address(registry)), "digest");
        a.appData = bytes32(uint256(1));
        a.teeType = TDX;
        a.nonce = bytes32(type(uint256).max);
        assertEq(registry.hashAttestation(a), Sig.digest(a, block.chainid, address(registry)), "digest 2");
        // The domain follows the chain id (a fork gets a different domain).
        vm.chainId(31338);
        assertEq(registry.hashAttestation(a), Sig.digest(a, 31338, address(registry)), "digest after fork");
    }

    function test_typehash_matchesProtocol() public view {
        assertEq(registry.ATTESTATION_TYPEHASH(), Sig.ATTESTATION_TYPEHASH, "typehash");
    }

    // ---------------------------------------------------------------- happy paths

    function test_attest_recordsEmitsAndViews() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.tcbStatus = 2;
        bytes[] memory sigs = _sigs(a, 2);
        vm.expectEmit(address(registry));
        emit IAttestationRegistry.Attested(
            subject, MEAS_SNP, SNP, 2, a.issuedAt, a.expiresAt, a.nonce, a.quoteHash, a.appData
        );
        registry.attest(a, sigs);

        IAttestationRegistry.AttestationRecord memory r = registry.attestationOf(subject);
        assertEq(r.teeType, SNP, "teeType");
        assertEq(r.tcbStatus, 2, "tcbStatus");
        assertEq(r.measurementHash, MEAS_SNP, "measurementHash");
        assertEq(r.issuedAt, a.issuedAt, "issuedAt");
        assertEq(r.expiresAt, a.expiresAt, "expiresAt");
        assertFalse(r.revoked, "revoked");
        assertEq(r.pendingNonce, bytes32(0), "pendingNonce");
        assertEq(r.pendingDeadline, 0, "pendingDeadline");

        assertTrue(registry.isAttested(subject), "isAttested");
        assertTrue(registry.isAttestedFor(subject, MEAS_SNP), "isAttestedFor own measurement");
        assertFalse(registry.isAttestedFor(subject, MEAS_TDX), "isAttestedFor other measurement");
        assertFalse(registry.isAttestedFor(subject, MEAS_UNKNOWN), "isAttestedFor unknown measurement");
        assertFalse(registry.isAttestedFor(subject, bytes32(0)), "isAttestedFor zero");
        assertFalse(registry.isAttested(stranger), "stranger");
        assertFalse(registry.isAttestedFor(stranger, MEAS_SNP), "stranger for");
    }

    function test_attestationOf_noRecordIsZero() public view {
        IAttestationRegistry.AttestationRecord memory r = registry.attestationOf(stranger);
        assertEq(
            keccak256(abi.encode(r)),
            keccak256(abi.encode(IAttestationRegistry.AttestationRecord(0, 0, 0, 0, 0, false, 0, 0))),
            "zero"
        );
        assertFalse(registry.isAttested(address(0)), "zero subject");
    }

    function test_attest_tdx() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.teeType = TDX;
        a.measurementHash = MEAS_TDX;
        _attest(a);
        assertTrue(registry.isAttestedFor(subject, MEAS_TDX), "tdx");
        assertEq(registry.attestationOf(subject).teeType, TDX, "teeType");
    }

    function test_attest_refreshReplacesRecord() public {
        _attest(_att(subject));
        _skip(1 hours);
        IAttestationRegistry.Attestation memory b = _att(subject);
        b.teeType = TDX;
        b.measurementHash = MEAS_TDX;
        b.tcbStatus = 3;
        _attest(b);
        IAttestationRegistry.AttestationRecord memory r = registry.attestationOf(subject);
        assertEq(r.issuedAt, b.issuedAt, "issuedAt");
        assertEq(r.measurementHash, MEAS_TDX, "measurement");
        assertEq(r.tcbStatus, 3, "tcb");
        assertFalse(registry.isAttestedFor(subject, MEAS_SNP), "old measurement");
        assertTrue(registry.isAttestedFor(subject, MEAS_TDX), "new measurement");
    }

    function test_attest_signaturesInAnyOrder() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        registry.attest(a, _sigsBy(a, _pks(relayerPks[2], relayerPks[0])));
        assertTrue(registry.isAttested(subject), "attested");
    }

    function test_attest_moreThanThresholdSignatures() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        registry.attest(a, _sigs(a, 3));
        assertTrue(registry.isAttested(subject), "attested");
    }

    function test_attest_thresholdTwoOfThree_everyPair() public {
        for (uint256 i; i < 3; ++i) {
            for (uint256 j; j < 3; ++j) {
                if (i == j) continue;
                address who = address(uint160(0x1000 + i * 3 + j));
                IAttestationRegistry.Attestation memory a = _att(who);
                registry.attest(a, _sigsBy(a, _pks(relayerPks[i], relayerPks[j])));
                assertTrue(registry.isAttested(who), "pair");
                uint256[] memory single = new uint256[](1);
                single[0] = relayerPks[i];
                IAttestationRegistry.Attestation memory b = _att(address(uint160(0x2000 + i * 3 + j)));
                _expectRejected(
                    b, _sigsBy(b, single), abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 1, 2)
                );
            }
        }
    }

    function test_attest_thresholdThreeOfFive() public {
        registry.setRelayers(_firstRelayers(5), 3);
        IAttestationRegistry.Attestation memory a = _att(subject);
        uint256[] memory pks = new uint256[](3);
        pks[0] = relayerPks[4];
        pks[1] = relayerPks[1];
        pks[2] = relayerPks[3];
        bytes[] memory sigs = _sigsBy(a, pks);
        bytes[] memory two = new bytes[](2);
        two[0] = sigs[0];
        two[1] = sigs[1];
        _expectRejected(a, two, abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 2, 3));
        registry.attest(a, sigs);
        assertTrue(registry.isAttested(subject), "3-of-5");
    }

    function test_attest_thresholdOne() public {
        AttestationRegistry one = _deploy(_firstRelayers(1), 1);
        one.allowMeasurement(MEAS_SNP, SNP);
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = new bytes[](1);
        sigs[0] = Sig.sign(relayerPks[0], Sig.digest(a, block.chainid, address(one)));
        one.attest(a, sigs);
        assertTrue(one.isAttested(subject), "1-of-1");
    }

    function test_attest_tcbZeroPassesWithoutMinimum() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.tcbStatus = 0;
        _attest(a);
        assertTrue(registry.isAttested(subject), "tcb 0 without a minimum");
        a = _att(stranger);
        a.tcbStatus = 6;
        _attest(a);
        assertTrue(registry.isAttested(stranger), "tcb 6 without a minimum");
    }

    function test_attest_boundaryTimes() public {
        // issuedAt exactly maxAttestationAge old and expiresAt exactly at the cap are accepted.
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.issuedAt = uint64(clock - MAX_AGE);
        a.expiresAt = a.issuedAt + MAX_VALIDITY;
        _attest(a);
        assertTrue(registry.isAttested(subject), "boundaries");
        // expiresAt one second in the future is accepted.
        a = _att(stranger);
        a.issuedAt = uint64(clock - 10);
        a.expiresAt = uint64(clock + 1);
        _attest(a);
        assertTrue(registry.isAttested(stranger), "expires in 1s");
        _skip(1);
        assertFalse(registry.isAttested(stranger), "expired at expiresAt");
    }

    // ---------------------------------------------------------------- rejections: attestation fields

    function test_revert_ZeroSubject() public {
        _expectRejected(_att(address(0)), abi.encodeWithSelector(AttestationRegistry.ZeroSubject.selector));
    }

    function test_revert_InvalidTeeType() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.teeType = 0;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, uint8(0)));
        a.teeType = 3;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, uint8(3)));
    }

    function test_revert_InvalidTcbStatus() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.tcbStatus = 7;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.InvalidTcbStatus.selector, uint8(7)));
        a.tcbStatus = 255;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.InvalidTcbStatus.selector, uint8(255)));
    }

    function test_revert_IssuedInFuture() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.issuedAt = uint64(clock + 1);
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.IssuedInFuture.selector, a.issuedAt, clock));
    }

    function test_revert_AttestationTooOld() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.issuedAt = uint64(clock - MAX_AGE - 1);
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.AttestationTooOld.selector, a.issuedAt, clock, MAX_AGE)
        );
    }

    function test_revert_InvalidExpiry() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.expiresAt = a.issuedAt;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.InvalidExpiry.selector, a.issuedAt, a.expiresAt));
        a.expiresAt = a.issuedAt - 1;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.InvalidExpiry.selector, a.issuedAt, a.expiresAt));
    }

    function test_revert_ExpiryBeyondCap() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.expiresAt = a.issuedAt + MAX_VALIDITY + 1;
        _expectRejected(
            a,
            abi.encodeWithSelector(AttestationRegistry.ExpiryBeyondCap.selector, a.expiresAt, a.issuedAt + MAX_VALIDITY)
        );
    }

    function test_revert_AlreadyExpired() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.issuedAt = uint64(clock - 100);
        a.expiresAt = uint64(clock);
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.AlreadyExpired.selector, a.expiresAt, clock));
    }

    function test_revert_MeasurementNotAllowed_unknown() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.measurementHash = MEAS_UNKNOWN;
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.MeasurementNotAllowed.selector, MEAS_UNKNOWN));
    }

    function test_revert_MeasurementNotAllowed_revoked() public {
        registry.revokeMeasurement(MEAS_SNP);
        _expectRejected(
            _att(subject), abi.encodeWithSelector(AttestationRegistry.MeasurementNotAllowed.selector, MEAS_SNP)
        );
    }

    function test_revert_MeasurementTeeTypeMismatch() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.teeType = TDX; // MEAS_SNP is allowed for SEV-SNP only
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.MeasurementTeeTypeMismatch.selector, MEAS_SNP, SNP, TDX)
        );
    }

    function test_revert_MeasurementSunsetPassed() public {
        uint64 sunsetTime = uint64(clock + 100);
        registry.sunsetMeasurement(MEAS_SNP, sunsetTime);
        _attest(_att(subject)); // grace period: still accepted
        _warp(sunsetTime);
        _expectRejected(
            _att(stranger),
            abi.encodeWithSelector(AttestationRegistry.MeasurementSunsetPassed.selector, MEAS_SNP, sunsetTime)
        );
    }

    function test_revert_TcbStatusBelowMinimum() public {
        registry.setMinTcbStatus(SNP, 2);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.tcbStatus = 3;
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.TcbStatusBelowMinimum.selector, uint8(3), uint8(2))
        );
        a.tcbStatus = 0; // not evaluated fails any minimum
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.TcbStatusBelowMinimum.selector, uint8(0), uint8(2))
        );
        a.tcbStatus = 2;
        _attest(a);
        assertTrue(registry.isAttested(subject), "status == minimum");
        // The TDX minimum is separate.
        registry.setMinTcbStatus(TDX, 1);
        a = _att(stranger);
        a.teeType = TDX;
        a.measurementHash = MEAS_TDX;
        a.tcbStatus = 2;
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.TcbStatusBelowMinimum.selector, uint8(2), uint8(1))
        );
    }

    function test_revert_SubjectRevoked() public {
        _attest(_att(subject));
        registry.revoke(subject);
        _skip(1);
        _expectRejected(_att(subject), abi.encodeWithSelector(AttestationRegistry.SubjectRevoked.selector, subject));
        // A never-attested subject can be revoked ahead of time.
        registry.revoke(stranger);
        _expectRejected(_att(stranger), abi.encodeWithSelector(AttestationRegistry.SubjectRevoked.selector, stranger));
    }

    function test_revert_StaleAttestation_replay() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = _sigs(a, 2);
        registry.attest(a, sigs);
        _skip(5);
        _expectRejected(
            a, sigs, abi.encodeWithSelector(AttestationRegistry.StaleAttestation.selector, a.issuedAt, a.issuedAt)
        );
    }

    function test_revert_StaleAttestation_olderThanCurrent() public {
        IAttestationRegistry.Attestation memory older = _att(subject);
        bytes[] memory olderSigs = _sigs(older, 2);
        _skip(60);
        IAttestationRegistry.Attestation memory newer = _att(subject);
        _attest(newer);
        _expectRejected(
            older,
            olderSigs,
            abi.encodeWithSelector(AttestationRegistry.StaleAttestation.selector, older.issuedAt, newer.issuedAt)
        );
        assertEq(registry.attestationOf(subject).issuedAt, newer.issuedAt, "newer kept");
    }

    function test_revert_NonceMismatch() public {
        _attest(_att(subject));
        vm.prevrandao(bytes32(uint256(42)));
        bytes32 nonce = _request(subject);
        _skip(1);
        IAttestationRegistry.Attestation memory a = _att(subject);
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.NonceMismatch.selector, a.nonce, nonce));
        a.nonce = bytes32(0);
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.NonceMismatch.selector, bytes32(0), nonce));
    }

    // ---------------------------------------------------------------- rejections: signatures

    function test_revert_TooFewSignatures() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        _expectRejected(a, _sigs(a, 1), abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 1, 2));
        _expectRejected(a, new bytes[](0), abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 0, 2));
    }

    function test_revert_InvalidSignature_badLength() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = _sigs(a, 2);
        (bytes32 r, bytes32 s) = abi.decode(sigs[1], (bytes32, bytes32));
        sigs[1] = abi.encodePacked(r, s); // 64 bytes (compact form is not accepted)
        _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 1));
        sigs[1] = bytes.concat(_sigs(a, 2)[1], hex"00"); // 66 bytes
        _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 1));
        sigs[0] = "";
        _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
    }

    function test_revert_InvalidSignature_badV() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = _sigs(a, 2);
        (bytes32 r, bytes32 s) = abi.decode(sigs[0], (bytes32, bytes32));
        uint8[3] memory badVs = [uint8(0), uint8(1), uint8(29)];
        for (uint256 i; i < 3; ++i) {
            sigs[0] = abi.encodePacked(r, s, badVs[i]);
            _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
        }
        // r = 0 recovers nothing.
        sigs[0] = abi.encodePacked(bytes32(0), s, uint8(27));
        _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
    }

    function test_revert_HighSSignature() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes32 d = _digest(a);
        bytes[] memory sigs = new bytes[](2);
        sigs[0] = Sig.sign(relayerPks[0], d);
        sigs[1] = Sig.highS(relayerPks[1], d);
        // The malleated signature does recover to the relayer: only the low-s rule rejects it.
        (bytes32 r, bytes32 s, uint8 v) = _split(sigs[1]);
        assertEq(ecrecover(d, v, r, s), relayers[1], "high-s recovers");
        _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.HighSSignature.selector, 1));
    }

    function test_revert_UnauthorizedSigner_outsider() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        _expectRejected(
            a,
            _sigsBy(a, _pks(relayerPks[0], OUTSIDER_PK)),
            abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, outsider)
        );
        // A relayer that is not in the current set (relayers[3]) is an outsider too.
        _expectRejected(
            a,
            _sigsBy(a, _pks(relayerPks[3], relayerPks[0])),
            abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, relayers[3])
        );
    }

    function test_revert_UnauthorizedSigner_otherChain() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes32 foreign = Sig.digest(a, block.chainid + 1, address(registry));
        bytes[] memory sigs = new bytes[](2);
        sigs[0] = Sig.sign(relayerPks[0], foreign);
        sigs[1] = Sig.sign(relayerPks[1], foreign);
        (bytes32 r, bytes32 s, uint8 v) = _split(sigs[0]);
        address recovered = ecrecover(_digest(a), v, r, s);
        assertTrue(recovered != relayers[0] && recovered != address(0), "recovers elsewhere");
        _expectRejected(a, sigs, abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, recovered));
    }

    function test_revert_UnauthorizedSigner_otherRegistry() public {
        AttestationRegistry other = _deploy(_firstRelayers(3), 2);
        other.allowMeasurement(MEAS_SNP, SNP);
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes32 foreign = Sig.digest(a, block.chainid, address(other));
        bytes[] memory sigs = new bytes[](2);
        sigs[0] = Sig.sign(relayerPks[0], foreign);
        sigs[1] = Sig.sign(relayerPks[1], foreign);
        other.attest(a, sigs); // valid there
        (bytes32 r, bytes32 s, uint8 v) = _split(sigs[0]);
        _expectRejected(
            a,
            sigs,
            abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, ecrecover(_digest(a), v, r, s))
        );
    }

    function test_revert_UnauthorizedSigner_tamperedField() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = _sigs(a, 2);
        a.expiresAt += 1; // signed for a different expiry
        (bytes32 r, bytes32 s, uint8 v) = _split(sigs[0]);
        _expectRejected(
            a,
            sigs,
            abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, ecrecover(_digest(a), v, r, s))
        );
    }

    function test_revert_DuplicateSigner() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        _expectRejected(
            a,
            _sigsBy(a, _pks(relayerPks[1], relayerPks[1])),
            abi.encodeWithSelector(AttestationRegistry.DuplicateSigner.selector, relayers[1])
        );
        // Also when the duplicate is an extra beyond the threshold.
        uint256[] memory pks = new uint256[](3);
        pks[0] = relayerPks[0];
        pks[1] = relayerPks[1];
        pks[2] = relayerPks[0];
        _expectRejected(
            a, _sigsBy(a, pks), abi.encodeWithSelector(AttestationRegistry.DuplicateSigner.selector, relayers[0])
        );
        // A high-s copy of a signature is not a second signer either.
        bytes[] memory sigs = _sigs(a, 1);
        bytes[] memory two = new bytes[](2);
        two[0] = sigs[0];
        two[1] = Sig.highS(relayerPks[0], _digest(a));
        _expectRejected(a, two, abi.encodeWithSelector(AttestationRegistry.HighSSignature.selector, 1));
    }

    function test_revert_LengthMismatch() public {
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](2);
        as_[0] = _att(subject);
        as_[1] = _att(stranger);
        bytes[][] memory ss = new bytes[][](1);
        ss[0] = _sigs(as_[0], 2);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.LengthMismatch.selector, 2, 1));
        registry.attestBatch(as_, ss);
        assertFalse(registry.isAttested(subject), "nothing landed");
    }

    function _split(bytes memory sig) internal pure returns (bytes32 r, bytes32 s, uint8 v) {
        assembly ("memory-safe") {
            r := mload(add(sig, 0x20))
            s := mload(add(sig, 0x40))
            v := byte(0, mload(add(sig, 0x60)))
        }
    }

    // ---------------------------------------------------------------- rejections: malformed calldata

    /// @dev `attest` calldata whose word `word` of the attestation is replaced by `value` (the struct is static, so
    /// it sits right after the selector).
    function _corrupt(bytes memory callData, uint256 word, uint256 value) internal pure returns (bytes memory) {
        uint256 pos = 4 + 32 * word;
        assembly ("memory-safe") {
            mstore(add(add(callData, 0x20), pos), value)
        }
        return callData;
    }

    function test_revert_MalformedAttestation() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = _sigs(a, 2);
        bytes memory good = abi.encodeCall(AttestationRegistry.attest, (a, sigs));
        uint256[5] memory words = [uint256(0), 1, 3, 4, 5]; // subject, teeType, tcbStatus, issuedAt, expiresAt
        uint256[5] memory values = [
            uint256(uint160(subject)) | (1 << 160),
            uint256(SNP) | (1 << 8),
            uint256(1) | (1 << 255),
            uint256(a.issuedAt) | (1 << 64),
            uint256(a.expiresAt) | (1 << 200)
        ];
        for (uint256 i; i < 5; ++i) {
            bytes memory bad = _corrupt(bytes.concat(good), words[i], values[i]);
            (bool ok, bytes memory ret) = address(registry).call(bad);
            assertFalse(ok, "dirty high bits accepted");
            assertEq(ret, abi.encodeWithSelector(AttestationRegistry.MalformedAttestation.selector), "malformed");
        }
        assertEq(registry.attestationOf(subject).issuedAt, 0, "nothing recorded");

        // In a batch the item is skipped with the same reason.
        bytes[][] memory ss = new bytes[][](1);
        ss[0] = sigs;
        bytes memory batch = abi.encodeCall(AttestationRegistry.attestBatch, (_one(a), ss));
        // attestBatch(Attestation[], bytes[][]): two head words, then the array length, then item 0.
        uint256 item0 = 3;
        assembly ("memory-safe") {
            let p := add(add(batch, 0x20), add(4, mul(32, add(item0, 1))))
            mstore(p, or(mload(p), shl(8, 1)))
        }
        (bool ok2, bytes memory ret2) = address(registry).call(batch);
        assertTrue(ok2, "batch call");
        bytes4[] memory reasons = abi.decode(ret2, (bytes4[]));
        assertEq(bytes32(reasons[0]), bytes32(AttestationRegistry.MalformedAttestation.selector), "batch reason");
        assertEq(registry.attestationOf(subject).issuedAt, 0, "nothing recorded by the batch");
        // The untouched calldata works.
        (bool ok3,) = address(registry).call(good);
        assertTrue(ok3, "clean calldata");
    }

    /// @dev A malformed item in a batch is reported like any other rejection; it does not revert the batch.
    function test_attestBatch_malformedSubjectIsPerItem() public {
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](2);
        bytes[][] memory ss = new bytes[][](2);
        as_[0] = _att(subject);
        ss[0] = _sigs(as_[0], 2);
        as_[1] = _att(stranger);
        ss[1] = _sigs(as_[1], 2);
        bytes memory batch = abi.encodeCall(AttestationRegistry.attestBatch, (as_, ss));
        // Words: 0 and 1 the heads, 2 the array length, 3..11 item 0, 12..20 item 1 (12: its subject).
        assembly ("memory-safe") {
            let p := add(add(batch, 0x20), add(4, mul(32, 12)))
            mstore(p, or(mload(p), shl(160, 1)))
        }
        (bool ok, bytes memory ret) = address(registry).call(batch);
        assertTrue(ok, "batch reverted on a malformed item");
        bytes4[] memory reasons = abi.decode(ret, (bytes4[]));
        assertEq(bytes32(reasons[0]), bytes32(0), "item 0 ok");
        assertEq(bytes32(reasons[1]), bytes32(AttestationRegistry.MalformedAttestation.selector), "item 1");
        assertTrue(registry.isAttested(subject), "item 0 landed");
        assertFalse(registry.isAttested(stranger), "item 1 did not");
    }

    /// @dev With threshold 1 a single signature takes its own path through the registry: same rules, same errors.
    function test_thresholdOne_singleSignatureRejections() public {
        registry.setRelayers(_firstRelayers(3), 1);
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes32 d = _digest(a);
        bytes[] memory one = new bytes[](1);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(relayerPks[1], d);

        one[0] = abi.encodePacked(r, s); // 64 bytes
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
        one[0] = abi.encodePacked(r, s, v, uint8(0)); // 66 bytes
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
        one[0] = "";
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
        one[0] = abi.encodePacked(r, s, uint8(29));
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
        one[0] = abi.encodePacked(r, s, uint8(0));
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.InvalidSignature.selector, 0));
        one[0] = Sig.highS(relayerPks[1], d);
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.HighSSignature.selector, 0));
        one[0] = Sig.sign(OUTSIDER_PK, d);
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, outsider));
        one[0] = Sig.sign(relayerPks[4], d); // not in the set
        _expectRejected(a, one, abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, relayers[4]));
        one[0] = Sig.sign(relayerPks[1], Sig.digest(a, block.chainid + 1, address(registry)));
        (bytes32 r2, bytes32 s2, uint8 v2) = _split(one[0]);
        _expectRejected(
            a, one, abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, ecrecover(d, v2, r2, s2))
        );
        _expectRejected(a, new bytes[](0), abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 0, 1));

        one[0] = abi.encodePacked(r, s, v);
        registry.attest(a, one);
        assertTrue(registry.isAttested(subject), "the good one");
    }

    function test_thresholdRaise_oldSignatureSetsNoLongerEnough() public {
        registry.setRelayers(_firstRelayers(3), 3);
        IAttestationRegistry.Attestation memory a = _att(subject);
        _expectRejected(a, _sigs(a, 2), abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 2, 3));
        registry.setRelayers(_firstRelayers(3), 1);
        _expectRejected(
            a,
            _sigsBy(a, _pks(relayerPks[0], relayerPks[0])),
            abi.encodeWithSelector(AttestationRegistry.DuplicateSigner.selector, relayers[0])
        );
        registry.attest(a, _sigs(a, 1));
        assertTrue(registry.isAttested(subject), "1-of-3");
    }

    function test_setRelayers_removedThenReadded() public {
        address[] memory set = new address[](1);
        set[0] = relayers[4];
        registry.setRelayers(set, 1);
        registry.setRelayers(_firstRelayers(2), 2);
        assertFalse(registry.isRelayer(relayers[4]), "removed");
        assertTrue(registry.isRelayer(relayers[0]), "re-added");
        _attest(_att(subject));
        assertTrue(registry.isAttested(subject), "re-added relayers sign");
    }

    /// @dev Later governance changes reach attestations that follow (the registry may cache configuration).
    function test_configChangesApplyToNextAttestation() public {
        _attest(_att(subject));
        registry.setLimits(10 minutes, 2 hours, RESPONSE_WINDOW, COOLDOWN);
        _skip(1);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.expiresAt = a.issuedAt + 2 hours + 1;
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.ExpiryBeyondCap.selector, a.expiresAt, a.issuedAt + 2 hours)
        );
        a = _att(subject);
        a.issuedAt = uint64(clock - 10 minutes - 1);
        a.expiresAt = uint64(clock + 1 hours);
        _expectRejected(
            a,
            abi.encodeWithSelector(
                AttestationRegistry.AttestationTooOld.selector, a.issuedAt, clock, uint32(10 minutes)
            )
        );
        registry.setMinTcbStatus(TDX, 1);
        registry.setMinTcbStatus(SNP, 1);
        a = _att(subject);
        a.expiresAt = uint64(clock + 1 hours);
        a.tcbStatus = 2;
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.TcbStatusBelowMinimum.selector, uint8(2), uint8(1))
        );
        a.tcbStatus = 1;
        _attest(a);
        (, uint8 threshold) = registry.relayerSet();
        assertEq(threshold, 2, "threshold survives limit changes");
        _skip(1);
        a = _att(subject);
        a.expiresAt = uint64(clock + 1 hours);
        _expectRejected(a, _sigs(a, 1), abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, 1, 2));
    }

    // ---------------------------------------------------------------- attestBatch

    function test_attestBatch_perItemResults() public {
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](5);
        bytes[][] memory ss = new bytes[][](5);
        address s1 = address(0x1111);
        address s2 = address(0x2222);
        address s3 = address(0x3333);
        as_[0] = _att(s1);
        ss[0] = _sigs(as_[0], 2);
        as_[1] = _att(s2);
        ss[1] = _sigs(as_[1], 1); // too few
        as_[2] = _att(s3);
        ss[2] = _sigs(as_[2], 2);
        as_[3] = as_[0]; // same item again: now stale
        ss[3] = ss[0];
        as_[4] = _att(address(0x4444));
        as_[4].measurementHash = MEAS_UNKNOWN;
        ss[4] = _sigs(as_[4], 2);

        vm.recordLogs();
        bytes4[] memory reasons = registry.attestBatch(as_, ss);
        Vm.Log[] memory logs = vm.getRecordedLogs();

        assertEq(reasons.length, 5, "length");
        assertEq(bytes32(reasons[0]), bytes32(0), "item 0 ok");
        assertEq(bytes32(reasons[1]), bytes32(AttestationRegistry.TooFewSignatures.selector), "item 1");
        assertEq(bytes32(reasons[2]), bytes32(0), "item 2 ok");
        assertEq(bytes32(reasons[3]), bytes32(AttestationRegistry.StaleAttestation.selector), "item 3");
        assertEq(bytes32(reasons[4]), bytes32(AttestationRegistry.MeasurementNotAllowed.selector), "item 4");

        assertTrue(registry.isAttested(s1), "s1 landed");
        assertFalse(registry.isAttested(s2), "s2 rejected");
        assertTrue(registry.isAttested(s3), "s3 landed");
        assertFalse(registry.isAttested(address(0x4444)), "item 4 rejected");
        assertEq(registry.attestationOf(s2).issuedAt, 0, "s2 no record");

        // Events in order: Attested(s1), Rejected(1), Attested(s3), Rejected(3), Rejected(4).
        assertEq(logs.length, 5, "log count");
        bytes32 attestedSig = IAttestationRegistry.Attested.selector;
        bytes32 rejectedSig = AttestationRegistry.AttestationRejected.selector;
        assertEq(logs[0].topics[0], attestedSig, "log 0");
        assertEq(logs[0].topics[1], bytes32(uint256(uint160(s1))), "log 0 subject");
        assertEq(logs[1].topics[0], rejectedSig, "log 1");
        assertEq(logs[1].topics[1], bytes32(uint256(uint160(s2))), "log 1 subject");
        assertEq(logs[1].data, abi.encode(uint256(1), AttestationRegistry.TooFewSignatures.selector), "log 1 data");
        assertEq(logs[2].topics[0], attestedSig, "log 2");
        assertEq(logs[3].topics[0], rejectedSig, "log 3");
        assertEq(logs[3].data, abi.encode(uint256(3), AttestationRegistry.StaleAttestation.selector), "log 3 data");
        assertEq(logs[4].data, abi.encode(uint256(4), AttestationRegistry.MeasurementNotAllowed.selector), "log 4");
        for (uint256 i; i < logs.length; ++i) {
            assertEq(logs[i].emitter, address(registry), "emitter");
        }
    }

    /// @dev Items that share a measurement or a signer, mixed with ones that differ, each judged on its own.
    function test_attestBatch_sharedSignersAndMeasurements() public {
        registry.setRelayers(_firstRelayers(3), 1);
        uint256 n = 6;
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](n);
        bytes[][] memory ss = new bytes[][](n);
        for (uint256 i; i < n; ++i) {
            as_[i] = _att(address(uint160(0x7000 + i)));
            if (i % 3 == 2) {
                as_[i].teeType = TDX;
                as_[i].measurementHash = MEAS_TDX;
            }
            ss[i] = new bytes[](1);
            ss[i][0] = Sig.sign(relayerPks[i % 2], _digest(as_[i]));
        }
        ss[3][0] = Sig.sign(OUTSIDER_PK, _digest(as_[3])); // an outsider between two good signers
        as_[4].tcbStatus = 7; // bad field, good signature
        bytes4[] memory reasons = registry.attestBatch(as_, ss);
        for (uint256 i; i < n; ++i) {
            bytes4 want = i == 3
                ? AttestationRegistry.UnauthorizedSigner.selector
                : i == 4 ? AttestationRegistry.InvalidTcbStatus.selector : bytes4(0);
            assertEq(bytes32(reasons[i]), bytes32(want), "reason");
            assertEq(registry.isAttested(as_[i].subject), want == bytes4(0), "landed iff accepted");
        }
        assertTrue(registry.isAttestedFor(as_[2].subject, MEAS_TDX), "tdx item");
    }

    function test_attestBatch_empty() public {
        bytes4[] memory reasons = registry.attestBatch(new IAttestationRegistry.Attestation[](0), new bytes[][](0));
        assertEq(reasons.length, 0, "empty");
    }

    function test_attestBatch_fulfilsRequest() public {
        _attest(_att(subject));
        bytes32 nonce = _request(subject);
        _skip(1);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        bytes[][] memory ss = new bytes[][](1);
        ss[0] = _sigs(a, 2);
        bytes4[] memory reasons = registry.attestBatch(_one(a), ss);
        assertEq(bytes32(reasons[0]), bytes32(0), "ok");
        assertEq(registry.attestationOf(subject).pendingDeadline, 0, "request cleared");
    }

    // ---------------------------------------------------------------- re-attestation

    function test_reattestation_flow() public {
        _attest(_att(subject));
        address requester = address(0xEE);
        registry.grantRole(registry.REQUESTER_ROLE(), requester);
        _skip(30);
        vm.prevrandao(bytes32(uint256(0xDEADBEEF)));

        vm.recordLogs();
        vm.prank(requester);
        bytes32 nonce = registry.requestReattestation(subject);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        uint64 deadline = uint64(clock + RESPONSE_WINDOW);
        assertEq(logs.length, 1, "one event");
        assertEq(logs[0].topics[0], IAttestationRegistry.ReattestationRequested.selector, "event");
        assertEq(logs[0].topics[1], bytes32(uint256(uint160(subject))), "event subject");
        assertEq(logs[0].data, abi.encode(nonce, deadline), "event data");
        assertNotEq(nonce, bytes32(0), "nonce");

        IAttestationRegistry.AttestationRecord memory r = registry.attestationOf(subject);
        assertEq(r.pendingNonce, nonce, "pendingNonce");
        assertEq(r.pendingDeadline, deadline, "pendingDeadline");
        assertTrue(registry.isAttested(subject), "still attested within the window");

        _skip(60);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        vm.expectEmit(address(registry));
        emit IAttestationRegistry.Attested(
            subject, MEAS_SNP, SNP, 1, a.issuedAt, a.expiresAt, nonce, a.quoteHash, a.appData
        );
        _attest(a);
        r = registry.attestationOf(subject);
        assertEq(r.pendingNonce, bytes32(0), "cleared nonce");
        assertEq(r.pendingDeadline, 0, "cleared deadline");
        assertEq(r.issuedAt, a.issuedAt, "refreshed");
        assertTrue(registry.isAttested(subject), "attested");

        // Without a pending request any nonce is accepted again.
        _skip(1);
        _attest(_att(subject));
    }

    function test_reattestation_missedDeadline() public {
        _attest(_att(subject));
        bytes32 nonce = _request(subject);
        uint64 deadline = uint64(clock + RESPONSE_WINDOW);
        _warp(deadline);
        assertTrue(registry.isAttested(subject), "at the deadline");
        _warp(deadline + 1);
        assertFalse(registry.isAttested(subject), "past the deadline");
        assertFalse(registry.isAttestedFor(subject, MEAS_SNP), "past the deadline (for)");

        // A fresh attestation without the nonce does not help.
        IAttestationRegistry.Attestation memory a = _att(subject);
        _expectRejected(a, abi.encodeWithSelector(AttestationRegistry.NonceMismatch.selector, a.nonce, nonce));
        // The late answer with the right nonce restores it.
        a.nonce = nonce;
        _attest(a);
        assertTrue(registry.isAttested(subject), "restored");
        assertEq(registry.attestationOf(subject).pendingDeadline, 0, "cleared");
    }

    /// @dev A missed deadline must not be papered over by asking again: the new request would carry a new
    /// deadline and `isAttested` would turn true without any new evidence.
    function test_reattestation_overdueRequestCannotBeRenewed() public {
        _attest(_att(subject));
        bytes32 nonce = _request(subject);
        uint64 deadline = uint64(clock + RESPONSE_WINDOW);
        _skip(COOLDOWN + RESPONSE_WINDOW + 1);
        assertFalse(registry.isAttested(subject), "overdue");
        vm.prank(subject);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.RequestPending.selector, subject, deadline));
        registry.requestReattestation(subject);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.RequestPending.selector, subject, deadline));
        registry.requestReattestation(subject);
        assertFalse(registry.isAttested(subject), "still overdue");
        assertEq(registry.attestationOf(subject).pendingNonce, nonce, "same nonce");
    }

    function test_reattestation_whoMayRequest() public {
        _attest(_att(subject));
        _attest(_att(stranger));
        address third = address(0x3333);
        _attest(_att(third));
        // The subject itself.
        vm.prank(subject);
        registry.requestReattestation(subject);
        // A requester-role holder.
        address requester = address(0xEE);
        registry.grantRole(registry.REQUESTER_ROLE(), requester);
        vm.prank(requester);
        registry.requestReattestation(stranger);
        // A governor (this contract).
        registry.requestReattestation(third);
        assertTrue(registry.attestationOf(third).pendingDeadline != 0, "governor request");
    }

    function test_revert_NotRequester() public {
        _attest(_att(subject));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.NotRequester.selector, stranger));
        registry.requestReattestation(subject);
        // Another attested subject may not ask for someone else.
        _attest(_att(stranger));
        vm.prank(stranger);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.NotRequester.selector, stranger));
        registry.requestReattestation(subject);
    }

    function test_revert_NotAttestedSubject() public {
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.NotAttestedSubject.selector, stranger));
        registry.requestReattestation(stranger);
    }

    function test_revert_requestForRevokedSubject() public {
        _attest(_att(subject));
        registry.revoke(subject);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.SubjectRevoked.selector, subject));
        registry.requestReattestation(subject);
    }

    function test_revert_RequestPending() public {
        _attest(_att(subject));
        _request(subject);
        uint64 deadline = uint64(clock + RESPONSE_WINDOW);
        _skip(5);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.RequestPending.selector, subject, deadline));
        registry.requestReattestation(subject);
    }

    function test_revert_RequestCooldown() public {
        _attest(_att(subject));
        uint256 requestedAt = clock;
        bytes32 nonce = _request(subject);
        _skip(60);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        _attest(a);
        vm.expectRevert(
            abi.encodeWithSelector(
                AttestationRegistry.RequestCooldown.selector, subject, uint64(requestedAt + COOLDOWN)
            )
        );
        registry.requestReattestation(subject);
        _warp(requestedAt + COOLDOWN - 1);
        vm.expectRevert(
            abi.encodeWithSelector(
                AttestationRegistry.RequestCooldown.selector, subject, uint64(requestedAt + COOLDOWN)
            )
        );
        registry.requestReattestation(subject);
        _warp(requestedAt + COOLDOWN);
        vm.prevrandao(bytes32(uint256(0xB10C))); // a later block
        bytes32 second = _request(subject);
        assertTrue(second != nonce, "fresh nonce");
    }

    function test_reattestation_nonceUnpredictable() public {
        _attest(_att(subject));
        _attest(_att(stranger));
        vm.prevrandao(bytes32(uint256(1)));
        bytes32 n1 = _request(subject);
        bytes32 n2 = _request(stranger);
        assertTrue(n1 != n2, "per subject");
        // Same subject, same time, different randomness: different nonce.
        AttestationRegistry other = _deploy(_firstRelayers(3), 2);
        other.allowMeasurement(MEAS_SNP, SNP);
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes32 d = Sig.digest(a, block.chainid, address(other));
        bytes[] memory sigs = new bytes[](2);
        sigs[0] = Sig.sign(relayerPks[0], d);
        sigs[1] = Sig.sign(relayerPks[1], d);
        other.attest(a, sigs);
        vm.prevrandao(bytes32(uint256(2)));
        assertTrue(other.requestReattestation(subject) != n1, "per registry and randomness");
    }

    // ---------------------------------------------------------------- isAttested fails closed

    function test_isAttested_falseAfterExpiry() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        _attest(a);
        _warp(a.expiresAt - 1);
        assertTrue(registry.isAttested(subject), "before expiry");
        _warp(a.expiresAt);
        assertFalse(registry.isAttested(subject), "at expiry");
        assertFalse(registry.isAttestedFor(subject, MEAS_SNP), "at expiry (for)");
    }

    function test_isAttested_falseAfterRevocation() public {
        _attest(_att(subject));
        vm.expectEmit(address(registry));
        emit IAttestationRegistry.AttestationRevoked(subject);
        registry.revoke(subject);
        assertFalse(registry.isAttested(subject), "revoked");
        assertFalse(registry.isAttestedFor(subject, MEAS_SNP), "revoked (for)");
        assertTrue(registry.attestationOf(subject).revoked, "record says revoked");
    }

    function test_isAttested_falseAfterMeasurementRevoke() public {
        _attest(_att(subject));
        vm.expectEmit(address(registry));
        emit AttestationRegistry.MeasurementRevoked(MEAS_SNP);
        registry.revokeMeasurement(MEAS_SNP);
        assertFalse(registry.isAttested(subject), "measurement revoked");
        (, uint8 tee, bool allowed,) = registry.measurementOf(MEAS_SNP);
        assertFalse(allowed, "not allowed");
        assertEq(tee, SNP, "tee kept");
        // Re-allowing restores it (governance's call).
        registry.allowMeasurement(MEAS_SNP, SNP);
        assertTrue(registry.isAttested(subject), "re-allowed");
    }

    function test_isAttested_falseAfterSunset() public {
        _attest(_att(subject));
        uint64 sunsetTime = uint64(clock + 1 hours);
        vm.expectEmit(address(registry));
        emit AttestationRegistry.MeasurementSunset(MEAS_SNP, sunsetTime);
        registry.sunsetMeasurement(MEAS_SNP, sunsetTime);
        _warp(sunsetTime - 1);
        assertTrue(registry.isAttested(subject), "grace period");
        _warp(sunsetTime);
        assertFalse(registry.isAttested(subject), "sunset");
        (,,, uint64 sunsetAt) = registry.measurementOf(MEAS_SNP);
        assertEq(sunsetAt, sunsetTime, "sunsetAt");
    }

    function test_isAttested_falseAfterTcbMinimumRaise() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.tcbStatus = 3;
        _attest(a);
        registry.setMinTcbStatus(TDX, 1); // other TEE type: no effect
        assertTrue(registry.isAttested(subject), "tdx minimum");
        vm.expectEmit(address(registry));
        emit AttestationRegistry.MinTcbStatusUpdated(SNP, 3);
        registry.setMinTcbStatus(SNP, 3);
        assertTrue(registry.isAttested(subject), "meets 3");
        registry.setMinTcbStatus(SNP, 2);
        assertFalse(registry.isAttested(subject), "below 2");
        assertEq(registry.minTcbStatus(SNP), 2, "view");
        registry.setMinTcbStatus(SNP, 0);
        assertTrue(registry.isAttested(subject), "minimum lifted");
    }

    // ---------------------------------------------------------------- relayer set

    function test_setRelayers_replacesSet() public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory oldSigs = _sigs(a, 2); // relayers 0 and 1
        address[] memory set = new address[](2);
        set[0] = relayers[3];
        set[1] = relayers[4];
        vm.expectEmit(address(registry));
        emit AttestationRegistry.RelayersUpdated(set, 1);
        registry.setRelayers(set, 1);

        (address[] memory got, uint8 threshold) = registry.relayerSet();
        assertEq(got.length, 2, "set size");
        assertEq(got[0], relayers[3], "set 0");
        assertEq(got[1], relayers[4], "set 1");
        assertEq(threshold, 1, "threshold");
        assertFalse(registry.isRelayer(relayers[0]), "old relayer removed");
        assertTrue(registry.isRelayer(relayers[4]), "new relayer");

        _expectRejected(
            a, oldSigs, abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, relayers[0])
        );
        uint256[] memory pk = new uint256[](1);
        pk[0] = relayerPks[4];
        registry.attest(a, _sigsBy(a, pk));
        assertTrue(registry.isAttested(subject), "new relayer signs");
    }

    function test_revert_InvalidRelayerSet() public {
        address[] memory set = _firstRelayers(2);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidRelayerSet.selector, 2, 0));
        registry.setRelayers(set, 0);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidRelayerSet.selector, 2, 3));
        registry.setRelayers(set, 3);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidRelayerSet.selector, 0, 1));
        registry.setRelayers(new address[](0), 1);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidRelayerSet.selector, 2, 3));
        new AttestationRegistry(address(this), set, 3, MAX_AGE, MAX_VALIDITY, RESPONSE_WINDOW, COOLDOWN);
        (address[] memory got, uint8 threshold) = registry.relayerSet();
        assertEq(got.length, 3, "unchanged");
        assertEq(threshold, 2, "unchanged threshold");
    }

    function test_revert_ZeroRelayer() public {
        address[] memory set = _firstRelayers(2);
        set[1] = address(0);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.ZeroRelayer.selector));
        registry.setRelayers(set, 1);
        assertTrue(registry.isRelayer(relayers[2]), "unchanged");
    }

    function test_revert_DuplicateRelayer() public {
        address[] memory set = _firstRelayers(3);
        set[2] = set[0];
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.DuplicateRelayer.selector, set[0]));
        registry.setRelayers(set, 2);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.DuplicateRelayer.selector, set[0]));
        new AttestationRegistry(address(this), set, 2, MAX_AGE, MAX_VALIDITY, RESPONSE_WINDOW, COOLDOWN);
    }

    // ---------------------------------------------------------------- limits and measurements

    function test_setLimits() public {
        vm.expectEmit(address(registry));
        emit AttestationRegistry.LimitsUpdated(10, 20, 30, 0);
        registry.setLimits(10, 20, 30, 0);
        (uint32 age, uint32 validity, uint32 window, uint32 cooldown) = registry.limits();
        assertEq(age, 10, "age");
        assertEq(validity, 20, "validity");
        assertEq(window, 30, "window");
        assertEq(cooldown, 0, "cooldown");
        // The threshold and TCB minimums share the slot and survive.
        (, uint8 threshold) = registry.relayerSet();
        assertEq(threshold, 2, "threshold kept");
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.expiresAt = a.issuedAt + 21;
        _expectRejected(
            a, abi.encodeWithSelector(AttestationRegistry.ExpiryBeyondCap.selector, a.expiresAt, a.issuedAt + 20)
        );
    }

    function test_revert_InvalidLimits() public {
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidLimits.selector));
        registry.setLimits(0, 1, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidLimits.selector));
        registry.setLimits(1, 0, 1, 1);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidLimits.selector));
        registry.setLimits(1, 1, 0, 1);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidLimits.selector));
        new AttestationRegistry(address(this), _firstRelayers(1), 1, 0, 1, 1, 1);
    }

    function test_allowMeasurement() public {
        bytes32 h = keccak256("new image");
        vm.expectEmit(address(registry));
        emit AttestationRegistry.MeasurementAllowed(h, TDX);
        registry.allowMeasurement(h, TDX);
        (uint32 id, uint8 tee, bool allowed, uint64 sunsetAt) = registry.measurementOf(h);
        assertEq(id, 3, "id");
        assertEq(tee, TDX, "tee");
        assertTrue(allowed, "allowed");
        assertEq(sunsetAt, 0, "sunset");
        // Re-allowing a sunset measurement clears the sunset and keeps the id.
        registry.sunsetMeasurement(h, uint64(clock + 1));
        registry.allowMeasurement(h, TDX);
        (id,,, sunsetAt) = registry.measurementOf(h);
        assertEq(id, 3, "same id");
        assertEq(sunsetAt, 0, "sunset cleared");
    }

    function test_revert_allowMeasurement() public {
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, uint8(0)));
        registry.allowMeasurement(MEAS_UNKNOWN, 0);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, uint8(3)));
        registry.allowMeasurement(MEAS_UNKNOWN, 3);
        vm.expectRevert(
            abi.encodeWithSelector(AttestationRegistry.MeasurementTeeTypeMismatch.selector, MEAS_SNP, SNP, TDX)
        );
        registry.allowMeasurement(MEAS_SNP, TDX);
    }

    function test_revert_revokeMeasurement_notAllowed() public {
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.MeasurementNotAllowed.selector, MEAS_UNKNOWN));
        registry.revokeMeasurement(MEAS_UNKNOWN);
        registry.revokeMeasurement(MEAS_SNP);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.MeasurementNotAllowed.selector, MEAS_SNP));
        registry.revokeMeasurement(MEAS_SNP);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.MeasurementNotAllowed.selector, MEAS_SNP));
        registry.sunsetMeasurement(MEAS_SNP, uint64(clock + 1));
    }

    function test_revert_SunsetOutOfRange() public {
        uint64 past = uint64(clock - 1);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.SunsetOutOfRange.selector, past));
        registry.sunsetMeasurement(MEAS_SNP, past);
        // "Now" would be a revoke without its event.
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.SunsetOutOfRange.selector, uint64(clock)));
        registry.sunsetMeasurement(MEAS_SNP, uint64(clock));
        uint64 far = uint64(type(uint40).max) + 1;
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.SunsetOutOfRange.selector, far));
        registry.sunsetMeasurement(MEAS_SNP, far);
        registry.sunsetMeasurement(MEAS_SNP, type(uint40).max); // the largest accepted
    }

    function test_revert_sunsetPassedIsFinal() public {
        uint64 at = uint64(clock + 10);
        registry.sunsetMeasurement(MEAS_SNP, at);
        _skip(10);
        // A retired measurement cannot be brought back by moving its sunset; only allowMeasurement does.
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.MeasurementSunsetPassed.selector, MEAS_SNP, at));
        registry.sunsetMeasurement(MEAS_SNP, uint64(clock + 100));
        registry.allowMeasurement(MEAS_SNP, SNP);
        registry.sunsetMeasurement(MEAS_SNP, uint64(clock + 100));
    }

    function test_revert_MeasurementIdsExhausted() public {
        // Find _measurementCount's slot (two measurements are allowed in setUp) without hard-coding the layout.
        uint256 slot = type(uint256).max;
        for (uint256 i; i < 64; ++i) {
            if (uint256(vm.load(address(registry), bytes32(i))) == 2) {
                registry.allowMeasurement(keccak256(abi.encode("probe", i)), SNP);
                if (uint256(vm.load(address(registry), bytes32(i))) == 3) {
                    slot = i;
                    break;
                }
            }
        }
        assertTrue(slot != type(uint256).max, "measurement count slot not found");
        vm.store(address(registry), bytes32(slot), bytes32(uint256(type(uint32).max)));
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.MeasurementIdsExhausted.selector));
        registry.allowMeasurement(MEAS_UNKNOWN, SNP);
        registry.allowMeasurement(MEAS_SNP, SNP); // existing ones can still be re-allowed
    }

    function test_revert_tcbAndTeeGovernance() public {
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidTcbStatus.selector, uint8(7)));
        registry.setMinTcbStatus(SNP, 7);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, uint8(3)));
        registry.setMinTcbStatus(3, 1);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, uint8(0)));
        registry.minTcbStatus(0);
        vm.expectRevert(abi.encodeWithSelector(AttestationRegistry.ZeroSubject.selector));
        registry.revoke(address(0));
    }

    // ---------------------------------------------------------------- access control

    function test_revert_nonGovernor() public {
        address[] memory set = _firstRelayers(1);
        address requester = address(0xEE);
        registry.grantRole(registry.REQUESTER_ROLE(), requester);
        address[2] memory callers = [stranger, requester];
        for (uint256 i; i < 2; ++i) {
            address who = callers[i];
            vm.startPrank(who);
            vm.expectRevert(_notGovernor(who));
            registry.allowMeasurement(MEAS_UNKNOWN, SNP);
            vm.expectRevert(_notGovernor(who));
            registry.revokeMeasurement(MEAS_SNP);
            vm.expectRevert(_notGovernor(who));
            registry.sunsetMeasurement(MEAS_SNP, uint64(clock + 1));
            vm.expectRevert(_notGovernor(who));
            registry.revoke(subject);
            vm.expectRevert(_notGovernor(who));
            registry.setRelayers(set, 1);
            vm.expectRevert(_notGovernor(who));
            registry.setMinTcbStatus(SNP, 1);
            vm.expectRevert(_notGovernor(who));
            registry.setLimits(1, 1, 1, 1);
            vm.stopPrank();
        }
        bytes32 governorRole = registry.GOVERNOR_ROLE();
        vm.prank(stranger);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, stranger, bytes32(0))
        );
        registry.grantRole(governorRole, stranger);
        assertFalse(registry.hasRole(governorRole, stranger), "no self-grant");
    }

    function test_governorRoleCanBeGranted() public {
        registry.grantRole(registry.GOVERNOR_ROLE(), stranger);
        vm.prank(stranger);
        registry.revoke(subject);
        assertTrue(registry.attestationOf(subject).revoked, "revoked by new governor");
    }
}
