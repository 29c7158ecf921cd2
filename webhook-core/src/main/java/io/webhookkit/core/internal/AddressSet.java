package io.webhookkit.core.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An immutable list of CIDR blocks. */
public final class AddressSet {
  private static final AddressSet EMPTY = new AddressSet(List.of());
  private final List<CidrBlock> blocks;

  private AddressSet(List<CidrBlock> blocks) {
    this.blocks = List.copyOf(blocks);
  }

  /** The empty set. */
  public static AddressSet empty() {
    return EMPTY;
  }

  /**
   * Parses each entry as a CIDR block.
   *
   * @throws IllegalArgumentException naming the first entry that is not a block
   */
  public static AddressSet parse(List<String> entries) {
    List<CidrBlock> blocks = new ArrayList<>(entries.size());
    for (String entry : entries) {
      blocks.add(CidrBlock.parse(entry));
    }
    return new AddressSet(blocks);
  }

  /** True when no block is configured. */
  public boolean isEmpty() {
    return blocks.isEmpty();
  }

  /** True when any block contains the address. */
  public boolean contains(byte @Nullable [] address) {
    for (CidrBlock block : blocks) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** The blocks in their normalized form. */
  public List<String> describe() {
    return blocks.stream().map(CidrBlock::toString).toList();
  }
}
