// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {vm} from "./Vm.sol";
import {RegistryFixture, Sig} from "./RegistryFixture.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/IAttestationRegistry.sol";

/// @notice Fuzz tests over signer sets, thresholds, timestamps, TCB statuses, nonces and calldata.
contract AttestationRegistryFuzzTest is RegistryFixture {
    /// @dev Calls `attest` and returns the revert data (empty on success).
    function _try(IAttestationRegistry.Attestation memory a, bytes[] memory sigs) internal returns (bytes memory) {
        try registry.attest(a, sigs) {
            return "";
        } catch (bytes memory err) {
            assertTrue(err.length >= 4, "bare revert");
            return err;
        }
    }

    function _shuffle(uint256[] memory xs, uint256 seed) internal pure {
        for (uint256 i = xs.length; i > 1; --i) {
            uint256 j = uint256(keccak256(abi.encode(seed, i))) % i;
            (xs[i - 1], xs[j]) = (xs[j], xs[i - 1]);
        }
    }

    // ---------------------------------------------------------------- signer sets and thresholds

    /// @dev Any n (1..5), any k (1..n), any subset of the relayers in any order: accepted iff it has k signers.
    function testFuzz_kOfN(uint256 nSeed, uint256 kSeed, uint256 mask, uint256 order) public {
        uint256 n = bound(nSeed, 1, 5);
        uint256 k = bound(kSeed, 1, n);
        registry.setRelayers(_firstRelayers(n), uint8(k));
        mask &= (1 << n) - 1;
        uint256 count;
        for (uint256 i; i < n; ++i) {
            if (mask & (1 << i) != 0) ++count;
        }
        uint256[] memory pks = new uint256[](count);
        uint256 j;
        for (uint256 i; i < n; ++i) {
            if (mask & (1 << i) != 0) pks[j++] = relayerPks[i];
        }
        _shuffle(pks, order);
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes memory err = _try(a, _sigsBy(a, pks));
        if (count >= k) {
            assertEq(err.length, 0, "k distinct relayers are enough");
            assertTrue(registry.isAttested(subject), "attested");
        } else {
            assertEq(err, abi.encodeWithSelector(AttestationRegistry.TooFewSignatures.selector, count, k), "too few");
            assertFalse(registry.isAttested(subject), "not attested");
        }
    }

    /// @dev One signer outside the set anywhere among enough good ones spoils the attestation.
    function testFuzz_unauthorizedSigner(uint256 pk, uint256 pos) public {
        pk = bound(pk, 1, Sig.N - 1);
        address signer = vm.addr(pk);
        vm.assume(!registry.isRelayer(signer));
        uint256[] memory pks = new uint256[](3);
        pos = pos % 3;
        uint256 r;
        for (uint256 i; i < 3; ++i) {
            pks[i] = i == pos ? pk : relayerPks[r++];
        }
        IAttestationRegistry.Attestation memory a = _att(subject);
        assertEq(
            _try(a, _sigsBy(a, pks)),
            abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, signer),
            "unauthorized"
        );
        assertFalse(registry.isAttested(subject), "not attested");
    }

    /// @dev A repeated relayer never counts twice, wherever the copy sits.
    function testFuzz_duplicateSigner(uint256 which, uint256 pos, uint256 order) public {
        registry.setRelayers(_firstRelayers(5), 3);
        uint256 w = which % 5;
        uint256[] memory pks = new uint256[](4);
        pks[0] = relayerPks[w];
        pks[1] = relayerPks[w];
        pks[2] = relayerPks[(w + 1) % 5];
        pks[3] = relayerPks[(w + 2) % 5];
        _shuffle(pks, order ^ pos);
        IAttestationRegistry.Attestation memory a = _att(subject);
        assertEq(
            _try(a, _sigsBy(a, pks)),
            abi.encodeWithSelector(AttestationRegistry.DuplicateSigner.selector, relayers[w]),
            "duplicate"
        );
    }

    /// @dev Whatever is signed, the high-s twin of a good signature is rejected as malleable.
    function testFuzz_highS(bytes32 nonce, bytes32 quoteHash, bytes32 appData, bool first) public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        a.quoteHash = quoteHash;
        a.appData = appData;
        bytes[] memory sigs = _sigs(a, 2);
        uint256 i = first ? 0 : 1;
        sigs[i] = Sig.highS(relayerPks[i], _digest(a));
        assertEq(_try(a, sigs), abi.encodeWithSelector(AttestationRegistry.HighSSignature.selector, i), "high-s");
        sigs[i] = Sig.sign(relayerPks[i], _digest(a));
        assertEq(_try(a, sigs).length, 0, "low-s accepted");
    }

    /// @dev Signatures for another chain or registry recover to someone who is not a relayer.
    function testFuzz_foreignDomain(uint256 chainId, address verifyingContract) public {
        chainId = bound(chainId, 1, type(uint64).max);
        vm.assume(chainId != block.chainid || verifyingContract != address(registry));
        IAttestationRegistry.Attestation memory a = _att(subject);
        bytes32 foreign = Sig.digest(a, chainId, verifyingContract);
        bytes[] memory sigs = new bytes[](2);
        sigs[0] = Sig.sign(relayerPks[0], foreign);
        sigs[1] = Sig.sign(relayerPks[1], foreign);
        (bytes32 r, bytes32 s) = abi.decode(sigs[0], (bytes32, bytes32));
        address recovered = ecrecover(_digest(a), uint8(sigs[0][64]), r, s);
        assertEq(
            _try(a, sigs),
            abi.encodeWithSelector(AttestationRegistry.UnauthorizedSigner.selector, recovered),
            "foreign domain"
        );
    }

    /// @dev The registry's digest equals the one built by hand from the protocol, for any contents.
    function testFuzz_hashAttestation(IAttestationRegistry.Attestation memory a) public view {
        assertEq(registry.hashAttestation(a), Sig.digest(a, block.chainid, address(registry)), "digest");
    }

    /// @dev Dirty high bits in any narrow field of the calldata never get an attestation accepted, even one the
    /// relayers signed exactly as sent.
    function testFuzz_dirtyCalldata(uint256 which, uint256 junk) public {
        which = which % 5;
        uint256[5] memory words = [uint256(0), 1, 3, 4, 5]; // subject, teeType, tcbStatus, issuedAt, expiresAt
        uint256[5] memory widths = [uint256(160), 8, 8, 64, 64];
        junk = junk >> widths[which] << widths[which];
        vm.assume(junk != 0);
        IAttestationRegistry.Attestation memory a = _att(subject);
        uint256 pos = 4 + 32 * words[which];

        bytes memory data = _dirty(abi.encodeCall(AttestationRegistry.attest, (a, _sigs(a, 2))), pos, junk);
        (bool ok, bytes memory ret) = address(registry).call(data);
        assertFalse(ok, "dirty calldata accepted");

        // Relayers that sign the struct hash of the words as sent do not help.
        bytes memory words9 = new bytes(0x140);
        bytes32 th = Sig.ATTESTATION_TYPEHASH;
        bytes32 structHash;
        assembly ("memory-safe") {
            mstore(add(words9, 0x20), th)
            mcopy(add(words9, 0x40), add(add(data, 0x20), 4), 0x120)
            structHash := keccak256(add(words9, 0x20), 0x140)
        }
        bytes32 d =
            keccak256(abi.encodePacked("\x19\x01", Sig.domainSeparator(block.chainid, address(registry)), structHash));
        bytes[] memory sigs = new bytes[](2);
        sigs[0] = Sig.sign(relayerPks[0], d);
        sigs[1] = Sig.sign(relayerPks[1], d);
        (ok, ret) = address(registry).call(_dirty(abi.encodeCall(AttestationRegistry.attest, (a, sigs)), pos, junk));
        assertFalse(ok, "dirty calldata signed as sent accepted");
        assertEq(ret, abi.encodeWithSelector(AttestationRegistry.MalformedAttestation.selector), "malformed");
        assertEq(registry.attestationOf(subject).issuedAt, 0, "no record");
    }

    function _dirty(bytes memory data, uint256 pos, uint256 junk) internal pure returns (bytes memory) {
        assembly ("memory-safe") {
            let p := add(add(data, 0x20), pos)
            mstore(p, or(mload(p), junk))
        }
        return data;
    }

    // ---------------------------------------------------------------- timestamps

    /// @dev Any (now, issuedAt, expiresAt): accepted iff every time rule holds; else it fails with one of the
    /// errors naming a rule that is broken (with its exact arguments). Once accepted, isAttested tracks expiry.
    function testFuzz_timestamps(uint256 nowSeed, uint256 issuedSeed, uint256 expiresSeed) public {
        uint256 t = bound(nowSeed, T0, T0 + 20 * 365 days);
        _warp(t);
        uint256 issued = bound(issuedSeed, t - 2 * uint256(MAX_AGE), t + 2 hours);
        uint256 expires = bound(expiresSeed, issued - 1 hours, issued + uint256(MAX_VALIDITY) + 1 hours);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.issuedAt = uint64(issued);
        a.expiresAt = uint64(expires);

        bytes[] memory broken = new bytes[](5);
        uint256 nb;
        if (issued > t) {
            broken[nb++] = abi.encodeWithSelector(AttestationRegistry.IssuedInFuture.selector, a.issuedAt, t);
        } else if (t - issued > MAX_AGE) {
            broken[nb++] =
                abi.encodeWithSelector(AttestationRegistry.AttestationTooOld.selector, a.issuedAt, t, MAX_AGE);
        }
        if (expires <= issued) {
            broken[nb++] = abi.encodeWithSelector(AttestationRegistry.InvalidExpiry.selector, a.issuedAt, a.expiresAt);
        } else if (expires > issued + MAX_VALIDITY) {
            broken[nb++] = abi.encodeWithSelector(
                AttestationRegistry.ExpiryBeyondCap.selector, a.expiresAt, uint64(issued + MAX_VALIDITY)
            );
        }
        if (expires <= t) {
            broken[nb++] = abi.encodeWithSelector(AttestationRegistry.AlreadyExpired.selector, a.expiresAt, t);
        }

        bytes memory err = _try(a, _sigs(a, 2));
        if (nb == 0) {
            assertEq(err.length, 0, "all time rules hold");
            assertTrue(registry.isAttested(subject), "attested");
            _warp(expires - 1);
            assertTrue(registry.isAttested(subject), "before expiry");
            _warp(expires);
            assertFalse(registry.isAttested(subject), "at expiry");
        } else {
            bool named;
            for (uint256 i; i < nb; ++i) {
                if (keccak256(err) == keccak256(broken[i])) named = true;
            }
            assertTrue(named, "rejected with a broken rule's error");
            assertEq(registry.attestationOf(subject).issuedAt, 0, "no record");
        }
    }

    /// @dev A second attestation lands iff it was issued strictly later; the record never goes back.
    function testFuzz_issuedAtMonotonic(uint256 firstAge, uint256 secondAge) public {
        firstAge = bound(firstAge, 0, MAX_AGE);
        secondAge = bound(secondAge, 0, MAX_AGE);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.issuedAt = uint64(clock - firstAge);
        _attest(a);
        IAttestationRegistry.Attestation memory b = _att(subject);
        b.issuedAt = uint64(clock - secondAge);
        b.quoteHash = keccak256("second");
        bytes memory err = _try(b, _sigs(b, 2));
        if (b.issuedAt > a.issuedAt) {
            assertEq(err.length, 0, "newer accepted");
        } else {
            assertEq(
                err,
                abi.encodeWithSelector(AttestationRegistry.StaleAttestation.selector, b.issuedAt, a.issuedAt),
                "older rejected"
            );
        }
        uint64 newest = a.issuedAt > b.issuedAt ? a.issuedAt : b.issuedAt;
        assertEq(registry.attestationOf(subject).issuedAt, newest, "record is the newest");
    }

    // ---------------------------------------------------------------- nonces

    /// @dev While a request is pending only its nonce is accepted; any nonce is fine otherwise.
    function testFuzz_nonce(bytes32 randomness, bytes32 nonce, bool useRight, uint256 delay) public {
        _attest(_att(subject));
        vm.prevrandao(randomness);
        bytes32 pending = registry.requestReattestation(subject);
        assertEq(registry.attestationOf(subject).pendingNonce, pending, "pending nonce visible");
        _skip(bound(delay, 1, 2 * uint256(RESPONSE_WINDOW)));
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = useRight ? pending : nonce;
        bytes memory err = _try(a, _sigs(a, 2));
        if (a.nonce == pending) {
            assertEq(err.length, 0, "right nonce accepted (late or not)");
            assertEq(registry.attestationOf(subject).pendingNonce, bytes32(0), "cleared");
            assertTrue(registry.isAttested(subject), "attested");
        } else {
            assertEq(
                err, abi.encodeWithSelector(AttestationRegistry.NonceMismatch.selector, a.nonce, pending), "mismatch"
            );
            assertEq(registry.isAttested(subject), clock <= T0 + RESPONSE_WINDOW, "attested only until the deadline");
        }
    }

    function testFuzz_anyNonceWithoutRequest(bytes32 nonce) public {
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        _attest(a);
        assertTrue(registry.isAttested(subject), "attested");
    }

    /// @dev Requests are spaced by at least the cooldown.
    function testFuzz_cooldown(uint32 cooldown, uint256 wait) public {
        cooldown = uint32(bound(cooldown, 0, 30 days));
        registry.setLimits(MAX_AGE, MAX_VALIDITY, RESPONSE_WINDOW, cooldown);
        _attest(_att(subject));
        uint256 first = clock;
        bytes32 nonce = registry.requestReattestation(subject);
        _skip(1);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.nonce = nonce;
        _attest(a);
        wait = bound(wait, 1, 60 days);
        _warp(first + wait);
        vm.prevrandao(keccak256(abi.encode(wait)));
        try registry.requestReattestation(subject) {
            assertTrue(wait >= cooldown, "request within cooldown accepted");
        } catch (bytes memory err) {
            assertEq(
                err,
                abi.encodeWithSelector(AttestationRegistry.RequestCooldown.selector, subject, uint64(first + cooldown)),
                "cooldown error"
            );
            assertTrue(wait < cooldown, "request after cooldown rejected");
        }
    }

    // ---------------------------------------------------------------- TCB, sunset, expiry

    /// @dev A status meets a minimum iff the minimum is 0 or 1 <= status <= minimum (docs/protocol.md section 2),
    /// both when posting and, after the minimum changes, in isAttested.
    function testFuzz_tcbMinimum(uint8 status, uint8 minimum, bool tdx) public {
        status = uint8(bound(status, 0, 6));
        minimum = uint8(bound(minimum, 0, 6));
        bool meets = minimum == 0 || (status >= 1 && status <= minimum);
        IAttestationRegistry.Attestation memory a = _att(subject);
        if (tdx) {
            a.teeType = TDX;
            a.measurementHash = MEAS_TDX;
        }
        a.tcbStatus = status;
        _attest(a);
        registry.setMinTcbStatus(a.teeType, minimum);
        assertEq(registry.isAttested(subject), meets, "isAttested after the minimum changed");

        IAttestationRegistry.Attestation memory b = _att(stranger);
        b.teeType = a.teeType;
        b.measurementHash = a.measurementHash;
        b.tcbStatus = status;
        bytes memory err = _try(b, _sigs(b, 2));
        if (meets) {
            assertEq(err.length, 0, "meets");
        } else {
            assertEq(
                err,
                abi.encodeWithSelector(AttestationRegistry.TcbStatusBelowMinimum.selector, status, minimum),
                "below"
            );
        }
        // The other TEE type's minimum is independent.
        registry.setMinTcbStatus(tdx ? SNP : TDX, 1);
        assertEq(registry.isAttested(subject), meets, "other tee minimum");
    }

    function testFuzz_sunset(uint256 delay, uint256 later) public {
        _attest(_att(subject));
        delay = bound(delay, 1, 30 days);
        uint64 sunsetAt = uint64(clock + delay);
        registry.sunsetMeasurement(MEAS_SNP, sunsetAt);
        later = bound(later, 0, 12 hours - 1);
        _skip(later);
        assertEq(registry.isAttested(subject), clock < sunsetAt, "attested until the sunset");
    }

    function testFuzz_validityWindow(uint256 validity, uint256 dt) public {
        validity = bound(validity, 1, MAX_VALIDITY);
        IAttestationRegistry.Attestation memory a = _att(subject);
        a.expiresAt = uint64(clock + validity);
        _attest(a);
        dt = bound(dt, 0, 2 * uint256(MAX_VALIDITY));
        _skip(dt);
        assertEq(registry.isAttested(subject), dt < validity, "attested until expiresAt");
    }
}
