// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {Test} from "./Test.sol";
import {vm} from "./Vm.sol";
import {AttestationRegistry} from "../src/AttestationRegistry.sol";
import {IAttestationRegistry} from "../src/IAttestationRegistry.sol";

/// @notice Signing helpers that compute the EIP-712 digest independently of the registry (the domain separator
/// and struct hash are built by hand from docs/protocol.md section 4), so a hashing bug in the contract cannot
/// agree with itself.
library Sig {
    bytes32 internal constant DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 internal constant ATTESTATION_TYPEHASH = keccak256(
        "Attestation(address subject,uint8 teeType,bytes32 measurementHash,uint8 tcbStatus,uint64 issuedAt,uint64 expiresAt,bytes32 nonce,bytes32 quoteHash,bytes32 appData)"
    );
    /// @dev secp256k1 group order.
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    function domainSeparator(uint256 chainId, address registry) internal pure returns (bytes32) {
        return keccak256(
            abi.encode(DOMAIN_TYPEHASH, keccak256("teeoracle AttestationRegistry"), keccak256("1"), chainId, registry)
        );
    }

    function structHash(IAttestationRegistry.Attestation memory a) internal pure returns (bytes32) {
        return keccak256(
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
        );
    }

    function digest(IAttestationRegistry.Attestation memory a, uint256 chainId, address registry)
        internal
        pure
        returns (bytes32)
    {
        return keccak256(abi.encodePacked("\x19\x01", domainSeparator(chainId, registry), structHash(a)));
    }

    function sign(uint256 pk, bytes32 d) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, d);
        return abi.encodePacked(r, s, v);
    }

    /// @dev The same signature with s' = n - s and the parity flipped: valid for ecrecover, rejected as malleable.
    function highS(uint256 pk, bytes32 d) internal pure returns (bytes memory) {
        (uint8 v, bytes32 r, bytes32 s) = vm.sign(pk, d);
        return abi.encodePacked(r, bytes32(N - uint256(s)), v == 27 ? uint8(28) : uint8(27));
    }
}

/// @notice A deployed registry with three relayers (2-of-3), two allowed measurements and sane limits.
abstract contract RegistryFixture is Test {
    AttestationRegistry internal registry;

    uint256 internal constant T0 = 1_700_000_000;
    uint32 internal constant MAX_AGE = 1 hours;
    uint32 internal constant MAX_VALIDITY = 1 days;
    uint32 internal constant RESPONSE_WINDOW = 10 minutes;
    uint32 internal constant COOLDOWN = 1 hours;
    uint8 internal constant SNP = 1;
    uint8 internal constant TDX = 2;

    bytes32 internal constant MEAS_SNP = keccak256("measurement: sev-snp image v1");
    bytes32 internal constant MEAS_TDX = keccak256("measurement: tdx image v1");
    bytes32 internal constant MEAS_UNKNOWN = keccak256("measurement: never allowed");

    uint256[] internal relayerPks;
    address[] internal relayers;
    uint256 internal constant OUTSIDER_PK = 0xBAD5EED;
    address internal outsider;
    address internal subject;
    uint256 internal constant SUBJECT_PK = 0x5EC0E;
    address internal stranger = address(0x5742A46E);

    /// @dev The test's own clock. Never read `block.timestamp` in tests: via-IR treats it as constant within a
    /// transaction and may reuse a value read before a `vm.warp`.
    uint256 internal clock;

    function _warp(uint256 t) internal {
        clock = t;
        vm.warp(t);
    }

    function _skip(uint256 dt) internal {
        _warp(clock + dt);
    }

    function setUp() public virtual {
        _warp(T0);
        for (uint256 i; i < 5; ++i) {
            relayerPks.push(0xA11CE + i);
            relayers.push(vm.addr(0xA11CE + i));
        }
        outsider = vm.addr(OUTSIDER_PK);
        subject = vm.addr(SUBJECT_PK);
        registry = _deploy(_firstRelayers(3), 2);
        registry.allowMeasurement(MEAS_SNP, SNP);
        registry.allowMeasurement(MEAS_TDX, TDX);
    }

    function _deploy(address[] memory set, uint8 threshold) internal returns (AttestationRegistry) {
        return new AttestationRegistry(address(this), set, threshold, MAX_AGE, MAX_VALIDITY, RESPONSE_WINDOW, COOLDOWN);
    }

    function _firstRelayers(uint256 n) internal view returns (address[] memory set) {
        set = new address[](n);
        for (uint256 i; i < n; ++i) {
            set[i] = relayers[i];
        }
    }

    // ---------------------------------------------------------------- attestations

    /// @dev A valid SEV-SNP attestation of `who` issued now, valid for 12 hours.
    function _att(address who) internal view returns (IAttestationRegistry.Attestation memory a) {
        a = IAttestationRegistry.Attestation({
            subject: who,
            teeType: SNP,
            measurementHash: MEAS_SNP,
            tcbStatus: 1,
            issuedAt: uint64(clock),
            expiresAt: uint64(clock + 12 hours),
            nonce: keccak256(abi.encode("challenge", who, clock)),
            quoteHash: keccak256(abi.encode("quote", who, clock)),
            appData: bytes32(uint256(0xA99DA7A))
        });
    }

    function _digest(IAttestationRegistry.Attestation memory a) internal view returns (bytes32) {
        return Sig.digest(a, block.chainid, address(registry));
    }

    /// @dev Signatures by relayers[0..k).
    function _sigs(IAttestationRegistry.Attestation memory a, uint256 k) internal view returns (bytes[] memory s) {
        bytes32 d = _digest(a);
        s = new bytes[](k);
        for (uint256 i; i < k; ++i) {
            s[i] = Sig.sign(relayerPks[i], d);
        }
    }

    function _sigsBy(IAttestationRegistry.Attestation memory a, uint256[] memory pks)
        internal
        view
        returns (bytes[] memory s)
    {
        bytes32 d = _digest(a);
        s = new bytes[](pks.length);
        for (uint256 i; i < pks.length; ++i) {
            s[i] = Sig.sign(pks[i], d);
        }
    }

    function _attest(IAttestationRegistry.Attestation memory a) internal {
        registry.attest(a, _sigs(a, 2));
    }

    function _pks(uint256 a, uint256 b) internal pure returns (uint256[] memory p) {
        p = new uint256[](2);
        p[0] = a;
        p[1] = b;
    }

    function _one(IAttestationRegistry.Attestation memory a)
        internal
        pure
        returns (IAttestationRegistry.Attestation[] memory arr)
    {
        arr = new IAttestationRegistry.Attestation[](1);
        arr[0] = a;
    }

    function _recordHash(address who) internal view returns (bytes32) {
        return keccak256(abi.encode(registry.attestationOf(who)));
    }
}
