// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {vm, Vm} from "./Vm.sol";
import {console} from "./Test.sol";
import {RegistryFixture, Sig} from "./RegistryFixture.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/IAttestationRegistry.sol";
import {SequencerInbox} from "../src/SequencerInbox.sol";

/// @notice Gas of the paths with budgets (threshold 1). Everything but the measured call runs with gas metering
/// paused, so `forge snapshot` records the call itself; each test also logs (`forge test --mt test_gas -vv`)
/// the callee's execution gas and the whole transaction's gas: 21,000 + calldata (EIP-2028, with the EIP-7623
/// floor) + execution - refund. Storage is cold in each test as in a real transaction (setUp is a separate one).
/// The budgets: first attestation <= 65,000 tx gas, refresh <= 45,000, attestBatch of 32 refreshes
/// <= 18,000 per item, isAttested <= 8,000 execution gas cold.
contract GasTest is RegistryFixture {
    uint256 internal constant BATCH = 32;
    AttestationRegistry internal reg1; // 1-of-1
    SequencerInbox internal inbox;

    function setUp() public override {
        super.setUp();
        reg1 = _deploy(_firstRelayers(1), 1);
        reg1.allowMeasurement(MEAS_SNP, SNP);
        inbox = new SequencerInbox(reg1, MEAS_SNP);
        // Existing records: `subject` and BATCH batch subjects attested at T0 - 10 minutes.
        _warp(T0 - 10 minutes);
        reg1.attest(_att(subject), _sign1(_att(subject)));
        for (uint256 i; i < BATCH; ++i) {
            IAttestationRegistry.Attestation memory a = _att(_batchSubject(i));
            reg1.attest(a, _sign1(a));
        }
        _warp(T0);
    }

    function _batchSubject(uint256 i) internal pure returns (address) {
        return address(uint160(0xB000 + i));
    }

    function _sign1(IAttestationRegistry.Attestation memory a) internal view returns (bytes[] memory s) {
        s = new bytes[](1);
        s[0] = Sig.sign(relayerPks[0], Sig.digest(a, block.chainid, address(reg1)));
    }

    /// @dev Transaction gas of a call with `callData` that used `g` in the callee.
    function _txGas(bytes memory callData, Vm.Gas memory g) internal pure returns (uint256 total, uint256 exec) {
        uint256 zeros;
        for (uint256 i; i < callData.length; ++i) {
            if (callData[i] == 0) ++zeros;
        }
        uint256 nonZeros = callData.length - zeros;
        exec = g.gasTotalUsed;
        uint256 used = 21_000 + zeros * 4 + nonZeros * 16 + exec;
        uint256 refund = g.gasRefunded > 0 ? uint256(uint64(g.gasRefunded)) : 0;
        if (refund > used / 5) refund = used / 5;
        used -= refund;
        uint256 floor = 21_000 + 10 * (zeros + 4 * nonZeros);
        total = used > floor ? used : floor;
    }

    function _report(string memory name, bytes memory callData, Vm.Gas memory g, uint256 items)
        internal
        view
        returns (uint256 total, uint256 exec)
    {
        (total, exec) = _txGas(callData, g);
        console.log(string.concat(name, " execution gas"), exec);
        console.log(string.concat(name, " tx gas"), total);
        if (items > 1) console.log(string.concat(name, " tx gas per item"), total / items);
    }

    function test_gas_attestFirst() public {
        vm.pauseGasMetering();
        IAttestationRegistry.Attestation memory a = _att(stranger);
        bytes[] memory sigs = _sign1(a);
        vm.resumeGasMetering();
        reg1.attest(a, sigs);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        (uint256 total,) = _report("attestFirst", abi.encodeCall(AttestationRegistry.attest, (a, sigs)), g, 1);
        assertTrue(reg1.isAttested(stranger), "attested");
        total;
        vm.resumeGasMetering();
    }

    function test_gas_attestRefresh() public {
        vm.pauseGasMetering();
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes[] memory sigs = _sign1(a);
        vm.resumeGasMetering();
        reg1.attest(a, sigs);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("attestRefresh", abi.encodeCall(AttestationRegistry.attest, (a, sigs)), g, 1);
        assertEq(reg1.attestationOf(subject).issuedAt, clock, "refreshed");
        vm.resumeGasMetering();
    }

    function test_gas_attestFulfilRequest() public {
        vm.pauseGasMetering();
        bytes32 nonce = reg1.requestReattestation(subject);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        bytes[] memory sigs = _sign1(a);
        vm.resumeGasMetering();
        reg1.attest(a, sigs);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report(
            "attestFulfilRequest (warm: request in the same tx)",
            abi.encodeCall(AttestationRegistry.attest, (a, sigs)),
            g,
            1
        );
        assertEq(reg1.attestationOf(subject).pendingDeadline, 0, "fulfilled");
        vm.resumeGasMetering();
    }

    function test_gas_attestBatch32() public {
        vm.pauseGasMetering();
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](BATCH);
        bytes[][] memory ss = new bytes[][](BATCH);
        for (uint256 i; i < BATCH; ++i) {
            as_[i] = _att(_batchSubject(i));
            ss[i] = _sign1(as_[i]);
        }
        vm.resumeGasMetering();
        bytes4[] memory reasons = reg1.attestBatch(as_, ss);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("attestBatch32", abi.encodeCall(AttestationRegistry.attestBatch, (as_, ss)), g, BATCH);
        for (uint256 i; i < BATCH; ++i) {
            assertEq(bytes32(reasons[i]), bytes32(0), "item ok");
        }
        vm.resumeGasMetering();
    }

    function test_gas_attestBatch32First() public {
        vm.pauseGasMetering();
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](BATCH);
        bytes[][] memory ss = new bytes[][](BATCH);
        for (uint256 i; i < BATCH; ++i) {
            as_[i] = _att(address(uint160(0xF000 + i)));
            ss[i] = _sign1(as_[i]);
        }
        vm.resumeGasMetering();
        reg1.attestBatch(as_, ss);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("attestBatch32First", abi.encodeCall(AttestationRegistry.attestBatch, (as_, ss)), g, BATCH);
        vm.resumeGasMetering();
    }

    function test_gas_isAttested() public {
        vm.pauseGasMetering();
        vm.resumeGasMetering();
        bool ok = reg1.isAttested(subject);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("isAttested (cold)", abi.encodeCall(AttestationRegistry.isAttested, (subject)), g, 1);
        assertTrue(ok, "attested");
        vm.resumeGasMetering();
    }

    function test_gas_isAttestedFor() public {
        vm.pauseGasMetering();
        vm.resumeGasMetering();
        bool ok = reg1.isAttestedFor(subject, MEAS_SNP);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("isAttestedFor (cold)", abi.encodeCall(AttestationRegistry.isAttestedFor, (subject, MEAS_SNP)), g, 1);
        assertTrue(ok, "attested");
        vm.resumeGasMetering();
    }

    function test_gas_requestReattestation() public {
        vm.pauseGasMetering();
        vm.resumeGasMetering();
        reg1.requestReattestation(subject);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("requestReattestation", abi.encodeCall(AttestationRegistry.requestReattestation, (subject)), g, 1);
        vm.resumeGasMetering();
    }

    function test_gas_submitBatch() public {
        vm.pauseGasMetering();
        bytes memory data = new bytes(256);
        bytes32 d = inbox.batchDigest(0, data);
        bytes memory sig = Sig.sign(SUBJECT_PK, d);
        vm.resumeGasMetering();
        inbox.submitBatch(0, data, sig);
        Vm.Gas memory g = vm.lastCallGas();
        vm.pauseGasMetering();
        _report("SequencerInbox.submitBatch", abi.encodeCall(SequencerInbox.submitBatch, (0, data, sig)), g, 1);
        vm.resumeGasMetering();
    }
}
