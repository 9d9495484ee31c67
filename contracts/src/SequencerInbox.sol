// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.28;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {AttestedConsumer} from "./AttestedConsumer.sol";
import {IAttestationRegistry} from "./IAttestationRegistry.sol";

/// @title SequencerInbox
/// @notice Example consumer: a rollup inbox that accepts a batch only when it is signed by a key the teeoracle
/// registry attests, so only a sequencer running the allowlisted image inside a TEE can post. Anyone may
/// relay the transaction; the TEE key needs no gas.
contract SequencerInbox is AttestedConsumer, EIP712 {
    bytes32 public constant BATCH_TYPEHASH = keccak256("Batch(uint64 sequence,bytes32 dataHash)");

    /// @notice When nonzero, the signer must be attested under exactly this measurement.
    bytes32 public immutable requiredMeasurement;
    /// @notice Sequence number the next batch must carry.
    uint64 public nextSequence;

    event BatchAccepted(uint64 indexed sequence, address indexed sequencer, bytes32 dataHash);

    error WrongSequence(uint64 sequence, uint64 expected);
    error BadSequencerSignature();

    constructor(IAttestationRegistry registry, bytes32 measurement)
        AttestedConsumer(registry)
        EIP712("teeoracle SequencerInbox", "1")
    {
        requiredMeasurement = measurement;
    }

    /// @notice The EIP-712 digest a sequencer signs for batch `sequence` with data `data`.
    function batchDigest(uint64 sequence, bytes calldata data) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(BATCH_TYPEHASH, sequence, keccak256(data))));
    }

    /// @notice Accepts batch `sequence` if `signature` is by an attested sequencer key.
    function submitBatch(uint64 sequence, bytes calldata data, bytes calldata signature)
        external
        returns (address sequencer)
    {
        if (sequence != nextSequence) revert WrongSequence(sequence, nextSequence);
        (address signer, ECDSA.RecoverError err,) = ECDSA.tryRecover(batchDigest(sequence, data), signature);
        if (err != ECDSA.RecoverError.NoError) revert BadSequencerSignature();
        _requireAttested(signer, requiredMeasurement);
        nextSequence = sequence + 1;
        emit BatchAccepted(sequence, signer, keccak256(data));
        return signer;
    }
}
