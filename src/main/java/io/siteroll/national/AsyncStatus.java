package io.siteroll.national;

import java.util.Arrays;
import java.util.Optional;

/** The state of an asynchronous write, as {@code AsyncHandleResult.Query} answers it ({@code data.status}). */
public enum AsyncStatus {

	/** 待处理: poll again later. */
	PENDING(0),

	/** 处理失败: the reason is in {@code result}. */
	FAILED(10),

	/** 处理成功: for {@code Team.Add} the result carries the new {@code teamSysNo}. */
	SUCCEEDED(20);

	private final int code;

	AsyncStatus(int code) {
		this.code = code;
	}

	/** The number on the wire. */
	public int code() {
		return code;
	}

	/** Whether polling ends here. */
	public boolean settled() {
		return this != PENDING;
	}

	public static Optional<AsyncStatus> ofCode(int code) {
		return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
	}
}
