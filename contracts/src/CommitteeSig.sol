// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title CommitteeSig
/// @notice Checks a Veil committee's signature on a statement (protocol §9):
/// sigma is the eon's identity key of the statement's signing identity,
/// sid = keccak256("veil/sign/v1" ‖ chainId ‖ eon ‖ m), made like a
/// transaction key from any t keypers' shares, so sigma = s·H1(sid) and
/// e(sigma, G2) = e(H1(sid), PK). H1 is Shutter's: RFC 9380 hash_to_curve of
/// 0x01 ‖ sid with Shutter's DST, here on the EIP-2537 precompiles.
/// @dev Points use the EIP-2537 uncompressed encoding: G1 128 bytes, G2 256
/// bytes (each Fp 64 bytes, big-endian, 16 leading zeros; Fp2 as c0 ‖ c1).
/// Precompile calls get the gas left, not a fixed price: the contracts
/// cannot be upgraded, and a future repricing of EIP-2537 must not make
/// every signature fail. A bad point costs its caller the gas it forwarded.
library CommitteeSig {
    /// @notice An eon key that is not 256 bytes.
    error BadEonKeyLength(uint256 length);
    /// @notice A signature that is not 128 bytes.
    error BadSignatureLength(uint256 length);
    /// @notice A precompile that must succeed on valid input failed.
    error PrecompileFailed(address precompile);

    /// @dev Shutter's hash-to-G1 domain separation tag (43 bytes).
    bytes internal constant DST = "SHUTTER_V01_BLS12381G1_XMD:SHA-256_SSWU_RO_";
    /// @dev The BLS12-381 base field modulus, 48 bytes big-endian.
    bytes internal constant P =
        hex"1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab";
    /// @dev The negated G2 generator, EIP-2537 encoded.
    bytes internal constant NEG_G2 = hex"00000000000000000000000000000000024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb80000000000000000000000000000000013e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e000000000000000000000000000000000d1b3cc2c7027888be51d9ef691d77bcb679afda66c73f17f9ee3837a55024f78c71363275a75d75d86bab79f74782aa0000000000000000000000000000000013fa4d4a0ad8b1ce186ed5061789213d993923066dddaf1040bc3ff59f825c78df74f2d75467e25e0f55f8a00fa030ed";

    address internal constant MODEXP = address(0x05);
    address internal constant G1ADD = address(0x0b);
    address internal constant G2MSM = address(0x0e);
    address internal constant PAIRING_CHECK = address(0x0f);
    address internal constant MAP_FP_TO_G1 = address(0x10);


    /// @notice The signing identity of statement digest m for an eon of a chain.
    function signingIdentity(uint64 chainId, uint64 eon, bytes32 m) internal pure returns (bytes32) {
        return keccak256(abi.encodePacked("veil/sign/v1", chainId, eon, m));
    }

    /// @notice Whether sigma is eon eon's signature on statement digest m.
    /// @dev False for a sigma or key that is not a point of its subgroup, or
    /// is the point at infinity; reverts only on a wrong length.
    function verify(uint64 chainId, uint64 eon, bytes memory eonKey, bytes32 m, bytes memory sigma)
        internal
        view
        returns (bool)
    {
        if (eonKey.length != 256) revert BadEonKeyLength(eonKey.length);
        if (sigma.length != 128) revert BadSignatureLength(sigma.length);
        if (isZero(sigma) || isZero(eonKey)) return false;
        bytes memory h = hashToG1(abi.encodePacked(bytes1(0x01), signingIdentity(chainId, eon, m)));
        // e(sigma, -G2) · e(H1(sid), PK) = 1
        (bool ok, bytes memory out) = PAIRING_CHECK.staticcall(abi.encodePacked(sigma, NEG_G2, h, eonKey));
        return ok && out.length == 32 && uint256(bytes32(out)) == 1;
    }

    /// @notice Whether key is a point of G2's r-order subgroup, EIP-2537
    /// encoded (256 bytes): G2MSM checks its input is, and 1·key = key.
    function isG2(bytes memory key) internal view returns (bool) {
        if (key.length != 256) return false;
        (bool ok, bytes memory out) = G2MSM.staticcall(abi.encodePacked(key, uint256(1)));
        return ok && out.length == 256 && keccak256(out) == keccak256(key);
    }

    /// @notice RFC 9380 hash_to_curve (BLS12381G1_XMD:SHA-256_SSWU_RO_) of
    /// message with Shutter's DST, EIP-2537 encoded.
    function hashToG1(bytes memory message) internal view returns (bytes memory) {
        bytes memory uniform = expandMessageXmd(message);
        bytes memory q0 = mapToG1(fieldElement(uniform, 0));
        bytes memory q1 = mapToG1(fieldElement(uniform, 64));
        (bool ok, bytes memory sum) = G1ADD.staticcall(abi.encodePacked(q0, q1));
        if (!ok || sum.length != 128) revert PrecompileFailed(G1ADD);
        return sum;
    }

    /// @dev expand_message_xmd with SHA-256 to 128 bytes (RFC 9380 §5.3.1).
    function expandMessageXmd(bytes memory message) private pure returns (bytes memory) {
        bytes memory dstPrime = abi.encodePacked(DST, uint8(DST.length));
        bytes32 b0 = sha256(abi.encodePacked(new bytes(64), message, uint16(128), uint8(0), dstPrime));
        bytes32 b1 = sha256(abi.encodePacked(b0, uint8(1), dstPrime));
        bytes32 b2 = sha256(abi.encodePacked(b0 ^ b1, uint8(2), dstPrime));
        bytes32 b3 = sha256(abi.encodePacked(b0 ^ b2, uint8(3), dstPrime));
        bytes32 b4 = sha256(abi.encodePacked(b0 ^ b3, uint8(4), dstPrime));
        return abi.encodePacked(b1, b2, b3, b4);
    }

    /// @dev The 64 bytes of uniform at offset, reduced mod p (MODEXP with
    /// exponent 1), as an EIP-2537 field element.
    function fieldElement(bytes memory uniform, uint256 offset) private view returns (bytes memory) {
        bytes32 hi;
        bytes32 lo;
        assembly {
            hi := mload(add(add(uniform, 32), offset))
            lo := mload(add(add(uniform, 64), offset))
        }
        (bool ok, bytes memory r) =
            MODEXP.staticcall(abi.encodePacked(uint256(64), uint256(1), uint256(48), hi, lo, uint8(1), P));
        if (!ok || r.length != 48) revert PrecompileFailed(MODEXP);
        return abi.encodePacked(bytes16(0), r);
    }

    /// @dev MAP_FP_TO_G1: simplified SWU, the 11-isogeny and cofactor
    /// clearing, as RFC 9380 map_to_curve and clear_cofactor.
    function mapToG1(bytes memory fe) private view returns (bytes memory) {
        (bool ok, bytes memory q) = MAP_FP_TO_G1.staticcall(fe);
        if (!ok || q.length != 128) revert PrecompileFailed(MAP_FP_TO_G1);
        return q;
    }

    /// @dev Whether every byte of b (a multiple of 32 bytes long) is zero,
    /// a word at a time.
    function isZero(bytes memory b) internal pure returns (bool zero) {
        zero = true;
        assembly {
            let p := add(b, 32)
            for { let end := add(p, mload(b)) } lt(p, end) { p := add(p, 32) } {
                if mload(p) {
                    zero := 0
                    break
                }
            }
        }
    }
}
