package postern.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PagingTests {

	@Test
	void pageInTheMiddleKnowsItsRowsAndNeighbours() {
		Paging paging = Paging.of(2, 50, 1234);
		assertThat(paging.pages()).isEqualTo(25);
		assertThat(paging.last()).isEqualTo(24);
		assertThat(paging.from()).isEqualTo(100);
		assertThat(paging.to()).isEqualTo(150);
		assertThat(paging.hasPrevious()).isTrue();
		assertThat(paging.previous()).isEqualTo(1);
		assertThat(paging.hasNext()).isTrue();
		assertThat(paging.next()).isEqualTo(3);
		assertThat(paging.isPaged()).isTrue();
	}

	@Test
	void lastPageHoldsTheRestOfTheRows() {
		Paging paging = Paging.of(24, 50, 1234);
		assertThat(paging.from()).isEqualTo(1200);
		assertThat(paging.to()).isEqualTo(1234);
		assertThat(paging.hasNext()).isFalse();
	}

	@Test
	void pageBeyondTheEndIsTheLastAndBeforeTheStartTheFirst() {
		assertThat(Paging.of(99, 50, 120).number()).isEqualTo(2);
		assertThat(Paging.of(Integer.MAX_VALUE, 50, 120).number()).isEqualTo(2);
		assertThat(Paging.of(-3, 50, 120).number()).isZero();
	}

	@Test
	void emptyListHasOneEmptyPageAndNoPager() {
		Paging paging = Paging.of(5, 50, 0);
		assertThat(paging.number()).isZero();
		assertThat(paging.pages()).isEqualTo(1);
		assertThat(paging.from()).isZero();
		assertThat(paging.to()).isZero();
		assertThat(paging.isPaged()).isFalse();
		assertThat(paging.links()).extracting(Paging.Link::number).containsExactly(0);
	}

	@Test
	void exactlyFullPagesMakeNoEmptyLastPage() {
		assertThat(Paging.of(0, 50, 100).pages()).isEqualTo(2);
		assertThat(Paging.of(0, 50, 50).isPaged()).isFalse();
	}

	@Test
	void requestedPageOfAParameterNeverFails() {
		assertThat(Paging.requested(null)).isZero();
		assertThat(Paging.requested("")).isZero();
		assertThat(Paging.requested(" 3 ")).isEqualTo(3);
		assertThat(Paging.requested("-4")).isZero();
		assertThat(Paging.requested("two")).isZero();
		assertThat(Paging.requested("1e3")).isZero();
		assertThat(Paging.requested("99999999999999999999")).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void linksAreTheFirstTheLastAndTwoEitherSideWithTheGapsMarked() {
		List<Paging.Link> links = Paging.of(10, 10, 1000).links();
		assertThat(links).extracting(Paging.Link::number).containsExactly(0, 8, 9, 10, 11, 12, 99);
		assertThat(links).extracting(Paging.Link::afterGap)
			.containsExactly(false, true, false, false, false, false, true);
		assertThat(links).filteredOn(Paging.Link::current).extracting(Paging.Link::label).containsExactly(11);
	}

	@Test
	void linksNearTheStartLeaveNoGap() {
		assertThat(Paging.of(1, 10, 50).links()).extracting(Paging.Link::number).containsExactly(0, 1, 2, 3, 4);
		assertThat(Paging.of(1, 10, 50).links()).noneMatch(Paging.Link::afterGap);
	}

	@Test
	void pageOfAListTurnsOnlyTheRowsShownIntoWhatThePageShows() {
		List<Integer> all = IntStream.range(0, 120).boxed().toList();
		List<Integer> seen = new ArrayList<>();
		Page<String> page = Paging.page(all, 7, 50, (row) -> {
			seen.add(row);
			return "row " + row;
		});
		assertThat(page.getNumber()).isEqualTo(2);
		assertThat(page.getTotalElements()).isEqualTo(120);
		assertThat(page.getContent()).hasSize(20).startsWith("row 100").endsWith("row 119");
		assertThat(seen).hasSize(20);
	}

	@Test
	void pageFromASourceBeyondTheEndIsAskedAgainForTheLast() {
		List<Integer> all = IntStream.range(0, 120).boxed().toList();
		List<Integer> asked = new ArrayList<>();
		Function<Pageable, Page<Integer>> source = (pageable) -> {
			asked.add(pageable.getPageNumber());
			Paging slice = new Paging(pageable.getPageNumber(), pageable.getPageSize(), all.size());
			List<Integer> rows = (pageable.getOffset() < all.size()) ? slice.slice(all) : List.of();
			return new PageImpl<>(rows, pageable, all.size());
		};
		Page<Integer> page = Paging.within(40, 50, source);
		assertThat(page.getNumber()).isEqualTo(2);
		assertThat(page.getContent()).startsWith(100);
		assertThat(asked).containsExactly(40, 2);
		asked.clear();
		assertThat(Paging.within(1, 50, source).getContent()).startsWith(50);
		assertThat(asked).containsExactly(1);
	}

	@Test
	void pageHoldsAtLeastOneRow() {
		assertThatIllegalArgumentException().isThrownBy(() -> Paging.of(0, 0, 10));
	}

}
