// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {vm} from "./Vm.sol";
import {RegistryFixture, Sig} from "./RegistryFixture.sol";
import {SequencerInbox} from "../src/SequencerInbox.sol";
import {AttestedConsumer, AttestedKeys} from "../src/AttestedConsumer.sol";
import {IAttestationRegistry} from "../src/IAttestationRegistry.sol";

/// @dev Exercises the library and the modifier directly.
contract Gate is AttestedConsumer {
    uint256 public hits;

    constructor(IAttestationRegistry registry) AttestedConsumer(registry) {}

    function gated(address key, bytes32 measurement) external onlyAttested(key, measurement) returns (uint256) {
        return ++hits;
    }

    function viaLibrary(address key) external view {
        AttestedKeys.requireAttested(attestationRegistry, key);
    }

    function viaLibraryFor(address key, bytes32 measurement) external view {
        AttestedKeys.requireAttestedFor(attestationRegistry, key, measurement);
    }
}

contract SequencerInboxTest is RegistryFixture {
    SequencerInbox internal inbox; // any allowed measurement
    SequencerInbox internal pinned; // MEAS_SNP only
    Gate internal gate;
    address internal sequencer;

    event BatchAccepted(uint64 indexed sequence, address indexed sequencer, bytes32 dataHash);

    function setUp() public override {
        super.setUp();
        inbox = new SequencerInbox(registry, bytes32(0));
        pinned = new SequencerInbox(registry, MEAS_SNP);
        gate = new Gate(registry);
        sequencer = subject; // the TEE's key: SUBJECT_PK
    }

    /// @dev The batch digest built by hand (domain "teeoracle SequencerInbox", version "1").
    function _batchDigest(SequencerInbox target, uint64 sequence, bytes memory data) internal view returns (bytes32) {
        bytes32 domain = keccak256(
            abi.encode(
                Sig.DOMAIN_TYPEHASH,
                keccak256("teeoracle SequencerInbox"),
                keccak256("1"),
                block.chainid,
                address(target)
            )
        );
        bytes32 structHash =
            keccak256(abi.encode(keccak256("Batch(uint64 sequence,bytes32 dataHash)"), sequence, keccak256(data)));
        return keccak256(abi.encodePacked("\x19\x01", domain, structHash));
    }

    function _signBatch(SequencerInbox target, uint64 sequence, bytes memory data, uint256 pk)
        internal
        view
        returns (bytes memory)
    {
        return Sig.sign(pk, _batchDigest(target, sequence, data));
    }

    function _attestSequencer(bytes32 measurement, uint8 tee)
        internal
        returns (IAttestationRegistry.Attestation memory a)
    {
        a = _att(sequencer);
        a.measurementHash = measurement;
        a.teeType = tee;
        _attest(a);
    }

    function test_batchDigest_matchesIndependentDigest() public view {
        bytes memory data = hex"c0ffee";
        assertEq(inbox.batchDigest(7, data), _batchDigest(inbox, 7, data), "batch digest");
        assertEq(inbox.BATCH_TYPEHASH(), keccak256("Batch(uint64 sequence,bytes32 dataHash)"), "typehash");
    }

    function test_submitBatch_acceptsAttestedKey() public {
        _attestSequencer(MEAS_SNP, SNP);
        bytes memory data = "batch 0";
        bytes memory sig = _signBatch(inbox, 0, data, SUBJECT_PK);
        vm.expectEmit(address(inbox));
        emit BatchAccepted(0, sequencer, keccak256(data));
        vm.prank(stranger); // anyone may relay the transaction
        assertEq(inbox.submitBatch(0, data, sig), sequencer, "returns the sequencer");
        assertEq(inbox.nextSequence(), 1, "next sequence");

        bytes memory data1 = "batch 1";
        inbox.submitBatch(1, data1, _signBatch(inbox, 1, data1, SUBJECT_PK));
        assertEq(inbox.nextSequence(), 2, "next sequence 2");
    }

    function test_submitBatch_pinnedMeasurement() public {
        _attestSequencer(MEAS_SNP, SNP);
        bytes memory data = "pinned";
        pinned.submitBatch(0, data, _signBatch(pinned, 0, data, SUBJECT_PK));
        assertEq(pinned.nextSequence(), 1, "accepted");
        assertEq(pinned.requiredMeasurement(), MEAS_SNP, "view");
    }

    function test_revert_submitBatch_unattested() public {
        bytes memory data = "x";
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, sequencer));
        inbox.submitBatch(0, data, _signBatch(inbox, 0, data, SUBJECT_PK));
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_SNP));
        pinned.submitBatch(0, data, _signBatch(pinned, 0, data, SUBJECT_PK));
        // A relayer key is not a sequencer key either.
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, relayers[0]));
        inbox.submitBatch(0, data, _signBatch(inbox, 0, data, relayerPks[0]));
        assertEq(inbox.nextSequence(), 0, "nothing accepted");
    }

    function test_revert_submitBatch_expired() public {
        IAttestationRegistry.Attestation memory a = _attestSequencer(MEAS_SNP, SNP);
        _warp(a.expiresAt);
        bytes memory data = "late";
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, sequencer));
        inbox.submitBatch(0, data, _signBatch(inbox, 0, data, SUBJECT_PK));
    }

    function test_revert_submitBatch_revoked() public {
        _attestSequencer(MEAS_SNP, SNP);
        registry.revoke(sequencer);
        bytes memory data = "revoked";
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, sequencer));
        inbox.submitBatch(0, data, _signBatch(inbox, 0, data, SUBJECT_PK));
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_SNP));
        pinned.submitBatch(0, data, _signBatch(pinned, 0, data, SUBJECT_PK));
    }

    function test_revert_submitBatch_wrongMeasurement() public {
        _attestSequencer(MEAS_TDX, TDX);
        bytes memory data = "tdx";
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_SNP));
        pinned.submitBatch(0, data, _signBatch(pinned, 0, data, SUBJECT_PK));
        // The unpinned inbox takes any allowed measurement.
        inbox.submitBatch(0, data, _signBatch(inbox, 0, data, SUBJECT_PK));
    }

    function test_revert_submitBatch_measurementRevoked() public {
        _attestSequencer(MEAS_SNP, SNP);
        registry.revokeMeasurement(MEAS_SNP);
        bytes memory data = "img";
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_SNP));
        pinned.submitBatch(0, data, _signBatch(pinned, 0, data, SUBJECT_PK));
    }

    function test_revert_submitBatch_missedReattestation() public {
        _attestSequencer(MEAS_SNP, SNP);
        registry.requestReattestation(sequencer);
        _skip(RESPONSE_WINDOW + 1);
        bytes memory data = "overdue";
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, sequencer));
        inbox.submitBatch(0, data, _signBatch(inbox, 0, data, SUBJECT_PK));
    }

    function test_revert_submitBatch_wrongSequence() public {
        _attestSequencer(MEAS_SNP, SNP);
        bytes memory data = "seq";
        vm.expectRevert(abi.encodeWithSelector(SequencerInbox.WrongSequence.selector, uint64(5), uint64(0)));
        inbox.submitBatch(5, data, _signBatch(inbox, 5, data, SUBJECT_PK));
        bytes memory sig = _signBatch(inbox, 0, data, SUBJECT_PK);
        inbox.submitBatch(0, data, sig);
        // Replaying the accepted batch fails.
        vm.expectRevert(abi.encodeWithSelector(SequencerInbox.WrongSequence.selector, uint64(0), uint64(1)));
        inbox.submitBatch(0, data, sig);
    }

    function test_revert_submitBatch_badSignature() public {
        _attestSequencer(MEAS_SNP, SNP);
        bytes memory data = "sig";
        bytes32 d = _batchDigest(inbox, 0, data);
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(SUBJECT_PK, d);

        vm.expectRevert(abi.encodeWithSelector(SequencerInbox.BadSequencerSignature.selector));
        inbox.submitBatch(0, data, abi.encodePacked(r, s)); // 64 bytes
        vm.expectRevert(abi.encodeWithSelector(SequencerInbox.BadSequencerSignature.selector));
        inbox.submitBatch(0, data, Sig.highS(SUBJECT_PK, d)); // malleable
        vm.expectRevert(abi.encodeWithSelector(SequencerInbox.BadSequencerSignature.selector));
        inbox.submitBatch(0, data, abi.encodePacked(r, s, uint8(29))); // bad v
        vm.expectRevert(abi.encodeWithSelector(SequencerInbox.BadSequencerSignature.selector));
        inbox.submitBatch(0, data, "");

        // Signed over other data: recovers some other, unattested key.
        bytes memory other = _signBatch(inbox, 0, "other data", SUBJECT_PK);
        (bytes32 r2, bytes32 s2) = abi.decode(other, (bytes32, bytes32));
        address recovered = ecrecover(d, uint8(other[64]), r2, s2);
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, recovered));
        inbox.submitBatch(0, data, other);

        // Signed for another inbox.
        bytes memory foreign = _signBatch(pinned, 0, data, SUBJECT_PK);
        (r2, s2) = abi.decode(foreign, (bytes32, bytes32));
        recovered = ecrecover(d, uint8(foreign[64]), r2, s2);
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, recovered));
        inbox.submitBatch(0, data, foreign);
        assertEq(inbox.nextSequence(), 0, "nothing accepted");

        inbox.submitBatch(0, data, abi.encodePacked(r, s, v));
        assertEq(inbox.nextSequence(), 1, "the good one");
    }

    // ---------------------------------------------------------------- AttestedConsumer / AttestedKeys

    function test_attestedConsumer_gate() public {
        assertEq(address(gate.attestationRegistry()), address(registry), "registry");
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, sequencer));
        gate.gated(sequencer, bytes32(0));
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_SNP));
        gate.gated(sequencer, MEAS_SNP);
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttested.selector, sequencer));
        gate.viaLibrary(sequencer);
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_SNP));
        gate.viaLibraryFor(sequencer, MEAS_SNP);

        _attestSequencer(MEAS_SNP, SNP);
        assertEq(gate.gated(sequencer, bytes32(0)), 1, "any measurement");
        assertEq(gate.gated(sequencer, MEAS_SNP), 2, "pinned measurement");
        gate.viaLibrary(sequencer);
        gate.viaLibraryFor(sequencer, MEAS_SNP);
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_TDX));
        gate.gated(sequencer, MEAS_TDX);
        vm.expectRevert(abi.encodeWithSelector(AttestedKeys.NotAttestedFor.selector, sequencer, MEAS_TDX));
        gate.viaLibraryFor(sequencer, MEAS_TDX);
        assertEq(gate.hits(), 2, "hits");
    }
}
