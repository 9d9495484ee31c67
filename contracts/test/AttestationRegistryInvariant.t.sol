// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {vm} from "./Vm.sol";
import {Test, console} from "./Test.sol";
import {Sig} from "./RegistryFixture.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/IAttestationRegistry.sol";

/// @notice Drives the registry with random governance, time, requests and attestations (good ones, badly signed
/// ones, replays), and keeps an independent model of what every record and view must be. A handler call never
/// reverts on a discrepancy (invariant runs ignore reverts); it counts it, and the invariants assert the counts.
contract RegistryHandler {
    AttestationRegistry public immutable registry;

    uint32 internal constant MAX_AGE = 1 hours;
    uint32 internal constant MAX_VALIDITY = 6 hours;
    uint32 internal constant WINDOW = 10 minutes;
    uint32 internal constant COOLDOWN = 30 minutes;
    uint256 internal constant POOL = 5;
    uint256 public constant SUBJECTS = 6;
    uint256 public constant MEASUREMENTS = 3;
    uint256 internal constant OUTSIDER_PK = 0x0B5E55ED;

    struct Model {
        uint64 issuedAt;
        uint64 expiresAt;
        bytes32 measurement;
        uint8 tee;
        uint8 tcb;
        bool revoked;
        uint64 deadline; // pending request
        bytes32 nonce;
        uint64 lastRequestAt;
        bool missed; // a deadline passed before an answer landed
    }

    struct MeasurementModel {
        uint8 tee;
        bool allowed;
        uint64 sunsetAt;
    }

    struct Accepted {
        IAttestationRegistry.Attestation a;
        bytes[] sigs;
    }

    uint256 public clock;
    uint256[POOL] internal pks;
    bool[POOL] internal inSet;
    uint8 internal threshold;
    address[SUBJECTS] internal subjectList;
    bytes32[MEASUREMENTS] internal measurementList;
    uint8[3] internal minTcb; // by TEE type
    mapping(address => Model) internal model;
    mapping(bytes32 => MeasurementModel) internal mm;
    Accepted[] internal accepted;

    // Ghosts the invariants assert.
    uint256 public badSignaturesAccepted;
    uint256 public replaysAccepted;
    uint256 public mismatches;
    string public lastMismatch;
    uint256 public acceptedCount;
    uint256 public rejectedCount;

    constructor() {
        clock = 1_700_000_000;
        vm.warp(clock);
        address[] memory set = new address[](3);
        for (uint256 i; i < POOL; ++i) {
            pks[i] = 0xA11CE + i;
            if (i < 3) {
                set[i] = vm.addr(pks[i]);
                inSet[i] = true;
            }
        }
        threshold = 2;
        registry = new AttestationRegistry(address(this), set, 2, MAX_AGE, MAX_VALIDITY, WINDOW, COOLDOWN);
        for (uint256 i; i < SUBJECTS; ++i) {
            subjectList[i] = address(uint160(0x5B000 + i));
        }
        for (uint256 i; i < MEASUREMENTS; ++i) {
            bytes32 h = keccak256(abi.encode("measurement", i));
            measurementList[i] = h;
            uint8 tee = i == 1 ? 2 : 1;
            registry.allowMeasurement(h, tee);
            mm[h] = MeasurementModel({tee: tee, allowed: true, sunsetAt: 0});
        }
    }

    // ---------------------------------------------------------------- views for the invariants

    function subjectAt(uint256 i) external view returns (address) {
        return subjectList[i];
    }

    function measurementAt(uint256 i) external view returns (bytes32) {
        return measurementList[i];
    }

    function modelOf(address s) external view returns (Model memory) {
        return model[s];
    }

    function measurementModel(bytes32 h) external view returns (MeasurementModel memory) {
        return mm[h];
    }

    function minTcbOf(uint8 tee) external view returns (uint8) {
        return minTcb[tee];
    }

    /// @dev What isAttested must say, per docs/protocol.md section 5.
    function expectedAttested(address s) public view returns (bool) {
        Model memory m = model[s];
        if (m.issuedAt == 0 || m.revoked || clock >= m.expiresAt) return false;
        if (m.deadline != 0 && clock > m.deadline) return false;
        MeasurementModel memory x = mm[m.measurement];
        if (!x.allowed || (x.sunsetAt != 0 && clock >= x.sunsetAt)) return false;
        return _meets(m.tcb, minTcb[m.tee]);
    }

    // ---------------------------------------------------------------- actions

    function warp(uint256 dt) external {
        clock += dt % 40 minutes;
        vm.warp(clock);
        for (uint256 i; i < SUBJECTS; ++i) {
            Model storage m = model[subjectList[i]];
            if (m.deadline != 0 && clock > m.deadline) m.missed = true;
        }
    }

    /// @dev A correctly signed attestation with random (sometimes invalid) contents.
    function attest(uint256 sSeed, uint256 mSeed, uint256 tcbSeed, uint256 timeSeed, uint256 flags) external {
        vm.warp(clock);
        IAttestationRegistry.Attestation memory a = _build(sSeed, mSeed, tcbSeed, timeSeed, flags);
        bytes[] memory sigs = _goodSigs(a, flags >> 64);
        bytes[] memory reasons = _reasons(a);
        try registry.attest(a, sigs) {
            if (reasons.length != 0) _mismatch("accepted what the model rejects", reasons[0]);
            _accept(a, sigs);
        } catch (bytes memory err) {
            ++rejectedCount;
            if (reasons.length == 0) _mismatch("rejected what the model accepts", err);
            else if (!_contains(reasons, err)) _mismatch("rejected with an error naming no broken rule", err);
        }
    }

    /// @dev An attestation that lacks `threshold` distinct authorized low-s signatures over its digest.
    function attestBadlySigned(uint256 sSeed, uint256 mode, uint256 viaBatch) external {
        vm.warp(clock);
        IAttestationRegistry.Attestation memory a;
        a.subject = subjectList[sSeed % SUBJECTS];
        a.measurementHash = _anyUsableMeasurement(sSeed);
        a.teeType = mm[a.measurementHash].tee;
        a.tcbStatus = 1;
        a.issuedAt = uint64(clock);
        a.expiresAt = uint64(clock + 1 hours);
        a.nonce = model[a.subject].nonce; // the pending one, if any
        a.quoteHash = keccak256(abi.encode("bad", sSeed, mode));
        bytes[] memory sigs = _badSigs(a, mode, sSeed);
        if (viaBatch % 2 == 0) {
            try registry.attest(a, sigs) {
                ++badSignaturesAccepted;
                lastMismatch = "badly signed attestation accepted";
            } catch {
                ++rejectedCount;
            }
        } else {
            bytes[][] memory ss = new bytes[][](1);
            ss[0] = sigs;
            bytes4[] memory r = _batch(_one(a), ss);
            if (r.length == 1 && r[0] == bytes4(0)) {
                ++badSignaturesAccepted;
                lastMismatch = "badly signed batch item accepted";
            }
        }
    }

    /// @dev Posts an attestation that was accepted before (so its issuedAt is not newer than the record's).
    function replay(uint256 idx, uint256 viaBatch) external {
        vm.warp(clock);
        if (accepted.length == 0) return;
        Accepted storage e = accepted[idx % accepted.length];
        IAttestationRegistry.Attestation memory a = e.a;
        bytes[] memory sigs = e.sigs;
        if (viaBatch % 2 == 0) {
            try registry.attest(a, sigs) {
                ++replaysAccepted;
            } catch {}
        } else {
            bytes[][] memory ss = new bytes[][](1);
            ss[0] = sigs;
            bytes4[] memory r = _batch(_one(a), ss);
            if (r.length == 1 && r[0] == bytes4(0)) ++replaysAccepted;
        }
    }

    /// @dev A batch of 1-4 items, each well signed or not; per-item results must match the model item by item.
    function attestBatch(uint256 seed, uint256 count) external {
        vm.warp(clock);
        count = 1 + count % 4;
        IAttestationRegistry.Attestation[] memory as_ = new IAttestationRegistry.Attestation[](count);
        bytes[][] memory ss = new bytes[][](count);
        bool[] memory bad = new bool[](count);
        for (uint256 i; i < count; ++i) {
            uint256 s = uint256(keccak256(abi.encode(seed, i)));
            as_[i] = _build(s, s >> 8, s >> 16, s >> 24, s >> 96);
            bad[i] = (s >> 200) % 4 == 0;
            ss[i] = bad[i] ? _badSigs(as_[i], s >> 40, s) : _goodSigs(as_[i], s >> 48);
        }
        bytes4[] memory r = _batch(as_, ss);
        if (r.length != count) return;
        for (uint256 i; i < count; ++i) {
            bytes[] memory reasons = _reasons(as_[i]);
            if (r[i] == bytes4(0)) {
                if (bad[i]) {
                    ++badSignaturesAccepted;
                    lastMismatch = "badly signed batch item accepted";
                } else if (reasons.length != 0) {
                    _mismatch("batch accepted what the model rejects", reasons[0]);
                }
                _accept(as_[i], ss[i]);
            } else {
                ++rejectedCount;
                if (!bad[i] && reasons.length == 0) {
                    _mismatch("batch rejected what the model accepts", abi.encodePacked(r[i]));
                }
                if (!bad[i] && reasons.length != 0 && !_containsSelector(reasons, r[i])) {
                    _mismatch("batch reason names no broken rule", abi.encodePacked(r[i]));
                }
            }
        }
    }

    function requestReattestation(uint256 sSeed, bytes32 randomness, bool asSubject) external {
        vm.warp(clock);
        address s = subjectList[sSeed % SUBJECTS];
        Model storage m = model[s];
        bytes memory want;
        if (m.issuedAt == 0) {
            want = abi.encodeWithSelector(AttestationRegistry.NotAttestedSubject.selector, s);
        } else if (m.revoked) {
            want = abi.encodeWithSelector(AttestationRegistry.SubjectRevoked.selector, s);
        } else if (m.deadline != 0) {
            want = abi.encodeWithSelector(AttestationRegistry.RequestPending.selector, s, m.deadline);
        } else if (m.lastRequestAt != 0 && clock < uint256(m.lastRequestAt) + COOLDOWN) {
            want = abi.encodeWithSelector(
                AttestationRegistry.RequestCooldown.selector, s, uint64(m.lastRequestAt) + COOLDOWN
            );
        }
        vm.prevrandao(randomness);
        if (asSubject) vm.prank(s);
        try registry.requestReattestation(s) returns (bytes32 nonce) {
            if (want.length != 0) {
                _mismatch("request accepted that the model rejects", want);
                return;
            }
            m.deadline = uint64(clock + WINDOW);
            m.nonce = nonce;
            m.lastRequestAt = uint64(clock);
            if (registry.attestationOf(s).pendingNonce != nonce) _mismatch("pendingNonce differs", "");
        } catch (bytes memory err) {
            if (keccak256(err) != keccak256(want)) _mismatch("request outcome differs", err);
        }
    }

    function revoke(uint256 sSeed) external {
        vm.warp(clock);
        if (sSeed % 4 != 0) return; // keep most subjects alive
        address s = subjectList[(sSeed / 4) % SUBJECTS];
        registry.revoke(s);
        model[s].revoked = true;
    }

    function revokeMeasurement(uint256 mSeed) external {
        vm.warp(clock);
        bytes32 h = measurementList[mSeed % MEASUREMENTS];
        try registry.revokeMeasurement(h) {
            if (!mm[h].allowed) _mismatch("revoked a measurement that was not allowed", "");
            mm[h].allowed = false;
        } catch {
            if (mm[h].allowed) _mismatch("could not revoke an allowed measurement", "");
        }
    }

    function allowMeasurement(uint256 mSeed) external {
        vm.warp(clock);
        bytes32 h = measurementList[mSeed % MEASUREMENTS];
        registry.allowMeasurement(h, mm[h].tee);
        mm[h].allowed = true;
        mm[h].sunsetAt = 0;
    }

    function sunsetMeasurement(uint256 mSeed, uint256 delay) external {
        vm.warp(clock);
        bytes32 h = measurementList[mSeed % MEASUREMENTS];
        uint64 sunsetAt = uint64(clock + 1 + delay % 3 hours);
        bool retired = mm[h].sunsetAt != 0 && clock >= mm[h].sunsetAt;
        try registry.sunsetMeasurement(h, sunsetAt) {
            if (!mm[h].allowed || retired) _mismatch("sunset a measurement that was not allowed or retired", "");
            mm[h].sunsetAt = sunsetAt;
        } catch {
            if (mm[h].allowed && !retired) _mismatch("could not sunset an allowed measurement", "");
        }
    }

    function setMinTcbStatus(uint256 teeSeed, uint256 status) external {
        vm.warp(clock);
        uint8 tee = uint8(1 + teeSeed % 2);
        uint8 st = uint8(status % 7);
        registry.setMinTcbStatus(tee, st);
        minTcb[tee] = st;
    }

    /// @dev Replaces the relayer set with a random nonempty subset of the pool and a random threshold.
    function setRelayers(uint256 mask, uint256 tSeed) external {
        vm.warp(clock);
        mask = mask % (1 << POOL);
        if (mask == 0) mask = 1;
        uint256 n;
        for (uint256 i; i < POOL; ++i) {
            if (mask & (1 << i) != 0) ++n;
        }
        address[] memory set = new address[](n);
        uint256 j;
        for (uint256 i; i < POOL; ++i) {
            inSet[i] = mask & (1 << i) != 0;
            if (inSet[i]) set[j++] = vm.addr(pks[i]);
        }
        threshold = uint8(1 + tSeed % n);
        registry.setRelayers(set, threshold);
    }

    // ---------------------------------------------------------------- building and signing

    /// @dev Two times in three a plausible attestation (usable measurement, fresh, good TCB status, the pending
    /// nonce), otherwise random contents that break rules more often than not.
    function _build(uint256 sSeed, uint256 mSeed, uint256 tcbSeed, uint256 timeSeed, uint256 flags)
        internal
        view
        returns (IAttestationRegistry.Attestation memory a)
    {
        a.subject = subjectList[sSeed % SUBJECTS];
        Model memory m = model[a.subject];
        a.quoteHash = keccak256(abi.encode("quote", a.subject, clock, flags));
        a.appData = bytes32(flags);
        if ((flags >> 24) % 3 != 0) {
            a.measurementHash = _anyUsableMeasurement(mSeed);
            a.teeType = mm[a.measurementHash].tee;
            uint8 minimum = minTcb[a.teeType];
            a.tcbStatus = minimum == 0 ? uint8(tcbSeed % 7) : uint8(1 + tcbSeed % minimum);
            a.issuedAt = uint64(clock - (timeSeed >> 8) % 120);
            a.expiresAt = a.issuedAt + 60 + uint64((timeSeed >> 96) % (MAX_VALIDITY - 60));
            a.nonce = m.deadline != 0 ? m.nonce : keccak256(abi.encode("challenge", flags));
            return a;
        }
        a.measurementHash = measurementList[mSeed % MEASUREMENTS];
        a.teeType = mm[a.measurementHash].tee;
        if ((flags >> 8) % 6 == 0) a.teeType = 3 - a.teeType; // wrong TEE type for the measurement
        if ((flags >> 16) % 8 == 0) a.measurementHash = keccak256(abi.encode("unknown", flags));
        a.tcbStatus = uint8(tcbSeed % 8); // 7 is invalid
        if ((timeSeed >> 4) % 6 == 0) {
            a.issuedAt = uint64(clock + 1 + (timeSeed >> 8) % 60); // future
        } else {
            a.issuedAt = uint64(clock - (timeSeed >> 8) % (MAX_AGE + 120));
        }
        if ((timeSeed >> 64) % 8 == 0) {
            a.expiresAt = a.issuedAt; // empty validity
        } else {
            a.expiresAt = a.issuedAt + 1 + uint64((timeSeed >> 96) % (MAX_VALIDITY + 120));
        }
        if (m.deadline != 0 && flags % 4 != 0) a.nonce = m.nonce;
        else a.nonce = keccak256(abi.encode("challenge", flags));
    }

    function _anyUsableMeasurement(uint256 seed) internal view returns (bytes32) {
        for (uint256 i; i < MEASUREMENTS; ++i) {
            bytes32 h = measurementList[(seed % MEASUREMENTS + i) % MEASUREMENTS];
            if (mm[h].allowed && (mm[h].sunsetAt == 0 || clock < mm[h].sunsetAt)) return h;
        }
        return measurementList[seed % MEASUREMENTS];
    }

    function _digest(IAttestationRegistry.Attestation memory a) internal view returns (bytes32) {
        return Sig.digest(a, block.chainid, address(registry));
    }

    function _current() internal view returns (uint256[] memory cur, uint256[] memory removed) {
        uint256 n;
        for (uint256 i; i < POOL; ++i) {
            if (inSet[i]) ++n;
        }
        cur = new uint256[](n);
        removed = new uint256[](POOL - n);
        uint256 c;
        uint256 r;
        for (uint256 i; i < POOL; ++i) {
            if (inSet[i]) cur[c++] = pks[i];
            else removed[r++] = pks[i];
        }
    }

    /// @dev `threshold` distinct current relayers, starting at a random one.
    function _goodSigs(IAttestationRegistry.Attestation memory a, uint256 seed)
        internal
        view
        returns (bytes[] memory s)
    {
        (uint256[] memory cur,) = _current();
        bytes32 d = _digest(a);
        s = new bytes[](threshold);
        for (uint256 i; i < threshold; ++i) {
            s[i] = Sig.sign(cur[(seed % cur.length + i) % cur.length], d);
        }
    }

    /// @dev Fewer than `threshold` distinct authorized low-s signatures over the digest, in one of seven ways.
    function _badSigs(IAttestationRegistry.Attestation memory a, uint256 mode, uint256 seed)
        internal
        view
        returns (bytes[] memory s)
    {
        (uint256[] memory cur, uint256[] memory removed) = _current();
        bytes32 d = _digest(a);
        uint256 k = threshold;
        uint256 good = k - 1; // distinct current relayers signing correctly
        mode %= 7;
        s = new bytes[](mode == 0 ? good : k);
        for (uint256 i; i < good; ++i) {
            s[i] = Sig.sign(cur[(seed % cur.length + i) % cur.length], d);
        }
        if (mode == 0) return s; // too few
        if (mode == 1) {
            // a duplicate of a counted signer, or an outsider twice
            s[k - 1] = good == 0 ? Sig.sign(OUTSIDER_PK, d) : s[0];
            if (good == 0) {
                bytes[] memory two = new bytes[](2);
                two[0] = s[0];
                two[1] = s[0];
                return two;
            }
        } else if (mode == 2) {
            s[k - 1] = Sig.sign(OUTSIDER_PK, d);
        } else if (mode == 3) {
            s[k - 1] = Sig.highS(cur[(seed % cur.length + good) % cur.length], d);
        } else if (mode == 4) {
            s[k - 1] = removed.length != 0 ? Sig.sign(removed[seed % removed.length], d) : Sig.sign(OUTSIDER_PK, d);
        } else if (mode == 5) {
            // everything signed for another chain
            bytes32 foreign = Sig.digest(a, block.chainid + 1, address(registry));
            for (uint256 i; i < k; ++i) {
                s[i] = Sig.sign(cur[(seed % cur.length + i) % cur.length], foreign);
            }
        } else {
            // everything signed over different contents
            IAttestationRegistry.Attestation memory b = a;
            bytes32 tampered = Sig.digest(
                IAttestationRegistry.Attestation(
                    b.subject,
                    b.teeType,
                    b.measurementHash,
                    b.tcbStatus,
                    b.issuedAt,
                    b.expiresAt + 1,
                    b.nonce,
                    b.quoteHash,
                    b.appData
                ),
                block.chainid,
                address(registry)
            );
            for (uint256 i; i < k; ++i) {
                s[i] = Sig.sign(cur[(seed % cur.length + i) % cur.length], tampered);
            }
        }
    }

    function _one(IAttestationRegistry.Attestation memory a)
        internal
        pure
        returns (IAttestationRegistry.Attestation[] memory arr)
    {
        arr = new IAttestationRegistry.Attestation[](1);
        arr[0] = a;
    }

    function _batch(IAttestationRegistry.Attestation[] memory as_, bytes[][] memory ss)
        internal
        returns (bytes4[] memory r)
    {
        try registry.attestBatch(as_, ss) returns (bytes4[] memory reasons) {
            r = reasons;
        } catch (bytes memory err) {
            _mismatch("attestBatch reverted", err);
        }
    }

    // ---------------------------------------------------------------- the model

    function _meets(uint8 status, uint8 minimum) internal pure returns (bool) {
        return minimum == 0 || (status != 0 && status <= minimum);
    }

    /// @dev Every non-signature rule `a` breaks, each as the exact custom error naming it.
    function _reasons(IAttestationRegistry.Attestation memory a) internal view returns (bytes[] memory out) {
        bytes[] memory r = new bytes[](12);
        uint256 n;
        Model memory m = model[a.subject];
        if (a.teeType != 1 && a.teeType != 2) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.InvalidTeeType.selector, a.teeType);
        }
        if (a.tcbStatus > 6) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.InvalidTcbStatus.selector, a.tcbStatus);
        }
        if (a.issuedAt > clock) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.IssuedInFuture.selector, a.issuedAt, clock);
        } else if (clock - a.issuedAt > MAX_AGE) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.AttestationTooOld.selector, a.issuedAt, clock, MAX_AGE);
        }
        if (a.expiresAt <= a.issuedAt) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.InvalidExpiry.selector, a.issuedAt, a.expiresAt);
        } else if (a.expiresAt > a.issuedAt + MAX_VALIDITY) {
            r[n++] = abi.encodeWithSelector(
                AttestationRegistry.ExpiryBeyondCap.selector, a.expiresAt, a.issuedAt + MAX_VALIDITY
            );
        }
        if (a.expiresAt <= clock) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.AlreadyExpired.selector, a.expiresAt, clock);
        }
        MeasurementModel memory x = mm[a.measurementHash];
        if (!x.allowed) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.MeasurementNotAllowed.selector, a.measurementHash);
        } else {
            if (x.tee != a.teeType) {
                r[n++] = abi.encodeWithSelector(
                    AttestationRegistry.MeasurementTeeTypeMismatch.selector, a.measurementHash, x.tee, a.teeType
                );
            }
            if (x.sunsetAt != 0 && clock >= x.sunsetAt) {
                r[n++] = abi.encodeWithSelector(
                    AttestationRegistry.MeasurementSunsetPassed.selector, a.measurementHash, x.sunsetAt
                );
            }
        }
        if ((a.teeType == 1 || a.teeType == 2) && !_meets(a.tcbStatus, minTcb[a.teeType])) {
            r[n++] = abi.encodeWithSelector(
                AttestationRegistry.TcbStatusBelowMinimum.selector, a.tcbStatus, minTcb[a.teeType]
            );
        }
        if (m.revoked) r[n++] = abi.encodeWithSelector(AttestationRegistry.SubjectRevoked.selector, a.subject);
        if (a.issuedAt <= m.issuedAt) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.StaleAttestation.selector, a.issuedAt, m.issuedAt);
        }
        if (m.deadline != 0 && a.nonce != m.nonce) {
            r[n++] = abi.encodeWithSelector(AttestationRegistry.NonceMismatch.selector, a.nonce, m.nonce);
        }
        out = new bytes[](n);
        for (uint256 i; i < n; ++i) {
            out[i] = r[i];
        }
    }

    function _accept(IAttestationRegistry.Attestation memory a, bytes[] memory sigs) internal {
        ++acceptedCount;
        Model storage m = model[a.subject];
        if (a.issuedAt <= m.issuedAt) _mismatch("record went back in time", "");
        m.issuedAt = a.issuedAt;
        m.expiresAt = a.expiresAt;
        m.measurement = a.measurementHash;
        m.tee = a.teeType;
        m.tcb = a.tcbStatus;
        m.deadline = 0;
        m.nonce = 0;
        m.missed = false;
        if (accepted.length < 64) {
            Accepted storage e = accepted.push();
            e.a = a;
            for (uint256 i; i < sigs.length; ++i) {
                e.sigs.push(sigs[i]);
            }
        }
    }

    function _contains(bytes[] memory list, bytes memory x) internal pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (keccak256(list[i]) == keccak256(x)) return true;
        }
        return false;
    }

    function _containsSelector(bytes[] memory list, bytes4 sel) internal pure returns (bool) {
        for (uint256 i; i < list.length; ++i) {
            if (bytes4(list[i]) == sel) return true;
        }
        return false;
    }

    function _mismatch(string memory what, bytes memory detail) internal {
        ++mismatches;
        lastMismatch = string.concat(what, " ", _hex(detail));
    }

    function _hex(bytes memory b) internal pure returns (string memory) {
        bytes memory digits = "0123456789abcdef";
        bytes memory out = new bytes(2 + 2 * b.length);
        out[0] = "0";
        out[1] = "x";
        for (uint256 i; i < b.length; ++i) {
            out[2 + 2 * i] = digits[uint8(b[i]) >> 4];
            out[3 + 2 * i] = digits[uint8(b[i]) & 15];
        }
        return string(out);
    }
}

contract AttestationRegistryInvariantTest is Test {
    RegistryHandler internal handler;
    AttestationRegistry internal registry;

    function setUp() public {
        handler = new RegistryHandler();
        registry = handler.registry();
        targetContract(address(handler));
        // Weights: attestations and time dominate; each governance action is rarer.
        bytes4[] memory selectors = new bytes4[](19);
        uint256 n;
        for (uint256 i; i < 4; ++i) {
            selectors[n++] = RegistryHandler.attest.selector;
        }
        for (uint256 i; i < 3; ++i) {
            selectors[n++] = RegistryHandler.warp.selector;
        }
        selectors[n++] = RegistryHandler.attestBatch.selector;
        selectors[n++] = RegistryHandler.attestBatch.selector;
        selectors[n++] = RegistryHandler.attestBadlySigned.selector;
        selectors[n++] = RegistryHandler.replay.selector;
        selectors[n++] = RegistryHandler.requestReattestation.selector;
        selectors[n++] = RegistryHandler.requestReattestation.selector;
        selectors[n++] = RegistryHandler.revoke.selector;
        selectors[n++] = RegistryHandler.revokeMeasurement.selector;
        selectors[n++] = RegistryHandler.allowMeasurement.selector;
        selectors[n++] = RegistryHandler.sunsetMeasurement.selector;
        selectors[n++] = RegistryHandler.setMinTcbStatus.selector;
        selectors[n++] = RegistryHandler.setRelayers.selector;
        targetSelector(FuzzSelector({addr: address(handler), selectors: selectors}));
    }

    /// @dev Shows (with -vv) how much a run exercised: attestations accepted and rejected, subjects live.
    function afterInvariant() public {
        _sync();
        uint256 live;
        for (uint256 i; i < handler.SUBJECTS(); ++i) {
            if (registry.isAttested(handler.subjectAt(i))) ++live;
        }
        console.log("run: attestations accepted", handler.acceptedCount());
        console.log("run: attestations rejected", handler.rejectedCount());
        console.log("run: subjects attested at the end", live);
    }

    function _sync() internal {
        vm.warp(handler.clock());
    }

    /// @dev No record exists, or changes, except through an attestation with `threshold` distinct authorized
    /// signatures: every record equals the model, which only the well-signed path updates, and no badly signed
    /// attestation (too few, duplicate, outsider, removed relayer, high-s, other chain, other contents) landed.
    function invariant_noRecordWithoutThresholdSignatures() public {
        _sync();
        assertEq(handler.badSignaturesAccepted(), 0, handler.lastMismatch());
        assertEq(handler.mismatches(), 0, handler.lastMismatch());
        for (uint256 i; i < handler.SUBJECTS(); ++i) {
            address s = handler.subjectAt(i);
            RegistryHandler.Model memory m = handler.modelOf(s);
            IAttestationRegistry.AttestationRecord memory r = registry.attestationOf(s);
            assertEq(r.issuedAt, m.issuedAt, "record issuedAt");
            assertEq(r.expiresAt, m.expiresAt, "record expiresAt");
            assertEq(r.measurementHash, m.measurement, "record measurement");
            assertEq(r.tcbStatus, m.tcb, "record tcb");
            assertEq(r.teeType, m.tee, "record tee");
            assertEq(r.revoked, m.revoked, "record revoked");
            assertEq(r.pendingDeadline, m.deadline, "record deadline");
            assertEq(r.pendingNonce, m.nonce, "record nonce");
        }
    }

    /// @dev isAttested fails closed: false after expiry, revocation, measurement revoke or sunset, a TCB minimum
    /// raise, or a missed re-attestation deadline; and otherwise true exactly when the model says so.
    function invariant_isAttestedFailsClosed() public {
        _sync();
        uint256 t = handler.clock();
        for (uint256 i; i < handler.SUBJECTS(); ++i) {
            address s = handler.subjectAt(i);
            RegistryHandler.Model memory m = handler.modelOf(s);
            bool got = registry.isAttested(s);
            if (got) {
                assertTrue(m.issuedAt != 0, "attested without a record");
                assertTrue(t < m.expiresAt, "attested after expiry");
                assertFalse(m.revoked, "attested after revocation");
                RegistryHandler.MeasurementModel memory x = handler.measurementModel(m.measurement);
                assertTrue(x.allowed, "attested under a revoked measurement");
                assertTrue(x.sunsetAt == 0 || t < x.sunsetAt, "attested after the measurement's sunset");
                uint8 minimum = handler.minTcbOf(m.tee);
                assertTrue(minimum == 0 || (m.tcb != 0 && m.tcb <= minimum), "attested below the TCB minimum");
                assertFalse(m.missed, "attested after a missed re-attestation deadline");
                assertTrue(m.deadline == 0 || t <= m.deadline, "attested past the request deadline");
            }
            assertEq(got, handler.expectedAttested(s), "isAttested differs from the model");
            for (uint256 j; j < handler.MEASUREMENTS(); ++j) {
                bytes32 h = handler.measurementAt(j);
                assertEq(registry.isAttestedFor(s, h), got && m.measurement == h, "isAttestedFor");
            }
        }
    }

    /// @dev A replayed or older attestation never overwrites a newer one.
    function invariant_noReplayOverwrite() public {
        _sync();
        assertEq(handler.replaysAccepted(), 0, "a replayed attestation was accepted");
        for (uint256 i; i < handler.SUBJECTS(); ++i) {
            address s = handler.subjectAt(i);
            assertEq(registry.attestationOf(s).issuedAt, handler.modelOf(s).issuedAt, "record is the newest accepted");
        }
        assertEq(handler.mismatches(), 0, handler.lastMismatch());
    }
}
