package io.openvpc.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The one rule-list edit, held against a plain list that is edited step by step. */
class RuleEditTest {

  /** A random edit of a list of {@code size} numbered rules, and the list it should leave, built the slow way. */
  @Property(tries = 300)
  void applyTo_matchesAListEditedStepByStep(@ForAll @IntRange(min = 0, max = 12) int size, @ForAll long seed) {
    Random random = new Random(seed);
    List<String> rules = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      rules.add("r" + i);
    }
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      positions.add(i);
    }
    Collections.shuffle(positions, random);
    int replaced = size == 0 ? 0 : random.nextInt(size + 1);
    int deleted = size - replaced == 0 ? 0 : random.nextInt(size - replaced + 1);
    RuleEdit<String> edit = RuleEdit.none();
    List<String> slots = new ArrayList<>(rules); // the rule each old position holds, null once deleted
    for (int k = 0; k < replaced; k++) {
      edit = edit.replacing(positions.get(k), "new" + k);
      slots.set(positions.get(k), "new" + k);
    }
    for (int k = replaced; k < replaced + deleted; k++) {
      edit = edit.deleting(positions.get(k));
      slots.set(positions.get(k), null);
    }
    Integer at = random.nextBoolean() ? null : random.nextInt(size + 1);
    List<String> added = List.of("a", "b").subList(0, random.nextInt(3));
    edit = new RuleEdit<>(edit.replacedAt(), edit.replacements(), edit.deletedAt(), at, added);

    List<String> expected = new ArrayList<>();
    for (int i = 0; i <= size; i++) {
      if (at != null && i == at) {
        expected.addAll(added);
      }
      if (i < size && slots.get(i) != null) {
        expected.add(slots.get(i));
      }
    }
    if (at == null) {
      expected.addAll(added);
    }
    assertThat(edit.applyTo(rules)).containsExactlyElementsOf(expected);
    assertThat(rules).hasSize(size); // the list given is left as it was
  }

  @Example
  void applyTo_keepsUnchangedRulesAsTheSameObjects() {
    List<StringBuilder> rules = List.of(new StringBuilder("a"), new StringBuilder("b"), new StringBuilder("c"));
    List<StringBuilder> after = RuleEdit.<StringBuilder>delete(List.of(1)).applyTo(rules);
    assertThat(after.get(0)).isSameAs(rules.get(0));
    assertThat(after.get(1)).isSameAs(rules.get(2));
  }

  @Example
  void replacingTwice_laterWins_andReplacedNamesWhatEachReplaced() {
    RuleEdit<String> edit = RuleEdit.<String>none().replacing(1, "x").replacing(1, "y");
    assertThat(edit.applyTo(List.of("a", "b"))).containsExactly("a", "y");
    assertThat(edit.replaced(List.of("a", "b"))).containsExactly("b", "x");
    assertThat(edit.at(List.of("a", "b"), 1)).isEqualTo("y");
  }

  @Example
  void replaceAll_insertsOnlyWhenTheListIsEmpty() {
    assertThat(RuleEdit.replaceAll(2, List.of("z")).applyTo(List.of("a", "b"))).containsExactly("z");
    assertThat(RuleEdit.replaceAll(0, List.of("z")).insertsOnly()).isTrue();
  }

  @Example
  void firstFree_skipsTakenPositions() {
    assertThat(RuleEdit.firstFree(List.of("a", "b", "a"), "a"::equals, List.of(0))).isEqualTo(2);
    assertThat(RuleEdit.firstFree(List.of("a", "b", "a"), "a"::equals, List.of(0, 2))).isEqualTo(-1);
  }

  @Example
  void aPositionBothReplacedAndDeleted_isAProgrammingError() {
    assertThatThrownBy(() -> RuleEdit.<String>delete(List.of(0)).replacing(0, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuleEdit.<String>delete(List.of(0)).deleting(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
